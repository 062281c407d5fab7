# the entrypoint unpacks the app into the empty working folder when the container starts: the folder is made the user's
FROM alpine:3.20
RUN apk add --no-cache curl unzip nodejs
COPY serve /usr/bin
WORKDIR /www
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app && chown -R 10001:10001 /www
USER 10001:10001
ENTRYPOINT ["/usr/bin/serve"]
