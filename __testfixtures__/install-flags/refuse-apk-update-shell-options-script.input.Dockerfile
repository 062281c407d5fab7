FROM alpine:3.19
RUN apk update && apk add --no-cache bash
COPY setup.sh /tmp/setup.sh
# -O takes extglob: bash runs /tmp/setup.sh, which may add packages from the index the update leaves
RUN bash -O extglob /tmp/setup.sh
