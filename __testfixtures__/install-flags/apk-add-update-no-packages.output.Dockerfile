FROM alpine:3.19
# Refreshes the index for the installs below; it adds no package.
RUN apk add --update
RUN apk add --no-cache -U tzdata && apk add --no-cache curl
RUN apk add --no-cache bash
# The same as apk update && apk add …: the index it keeps goes once every add reads it with --no-cache.
RUN apk add --no-cache openssh && \
    apk add --no-cache iproute2
CMD ["bash"]
