# a build image whose entrypoint unpacks its sources under /tmp, which any user may write to
FROM alpine:3.20
RUN apk add --no-cache build-base
COPY build /usr/bin
WORKDIR /scratch
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app && chown -R 10001:10001 /scratch
USER 10001:10001
ENTRYPOINT ["/usr/bin/build"]
