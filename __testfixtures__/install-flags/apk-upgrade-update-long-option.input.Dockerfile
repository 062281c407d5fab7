FROM alpine:3.20.0

RUN addgroup -S ory; \
    adduser -S ory -G ory -D -u 10000 -h /home/ory -s /bin/nologin
RUN apk --update upgrade && apk --no-cache --update-cache --upgrade --latest add ca-certificates

COPY kratos /usr/bin/kratos
USER 10000
ENTRYPOINT ["kratos"]
