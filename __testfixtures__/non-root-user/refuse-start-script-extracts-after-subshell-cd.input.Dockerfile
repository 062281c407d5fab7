# the cd into /tmp is in a subshell: the second tar unpacks into the working folder, which stays root's
FROM alpine:3.20
RUN apk add --no-cache build-base
COPY build /usr/bin
WORKDIR /usr/src/scratch
ENTRYPOINT ["/usr/bin/build"]
