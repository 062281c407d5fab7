FROM alpine:3.19
RUN apk add --no-cache curl
COPY build.sh /usr/local/src/build.sh
# The build script only compiles: it names no apk and runs no other script.
RUN /usr/local/src/build.sh
CMD ["curl", "--version"]
