# a build image: its entrypoint unpacks the sources it reads on standard input into the working folder
FROM alpine:3.20
RUN apk add --no-cache build-base
COPY build /usr/bin
WORKDIR /usr/src/scratch
ENTRYPOINT ["/usr/bin/build"]
