# the entrypoint unpacks the app into the empty working folder when the container starts: the folder is made the user's
FROM alpine:3.20
RUN apk add --no-cache curl unzip nodejs
COPY serve /usr/bin
WORKDIR /www
ENTRYPOINT ["/usr/bin/serve"]
