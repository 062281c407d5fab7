# the entrypoint fetches the app when the container starts and unpacks it into the working folder
FROM alpine:3.20
RUN apk add --no-cache curl unzip nodejs
COPY serve /usr/bin
WORKDIR /www
ENTRYPOINT ["/usr/bin/serve"]
