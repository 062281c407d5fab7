# a build image whose entrypoint unpacks its sources under /tmp, which any user may write to
FROM alpine:3.20
RUN apk add --no-cache build-base
COPY build /usr/bin
WORKDIR /scratch
ENTRYPOINT ["/usr/bin/build"]
