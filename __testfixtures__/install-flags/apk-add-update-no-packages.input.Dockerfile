FROM alpine:3.19
# Refreshes the index for the installs below; it adds no package.
RUN apk add --update
RUN apk add -U tzdata && apk add curl
RUN apk add bash
# The same as apk update && apk add …: the index it keeps goes once every add reads it with --no-cache.
RUN apk add --update && \
    apk add --no-cache openssh && \
    apk add iproute2
CMD ["bash"]
