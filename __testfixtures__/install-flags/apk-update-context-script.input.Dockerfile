FROM alpine:3.19
RUN apk update && apk add curl
COPY build.sh /usr/local/src/build.sh
# The build script only compiles: it names no apk and runs no other script.
RUN /usr/local/src/build.sh
CMD ["curl", "--version"]
