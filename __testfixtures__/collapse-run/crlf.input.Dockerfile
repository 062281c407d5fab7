FROM alpine:3.19
# packages
RUN apk add --no-cache bash
RUN apk add --no-cache curl \
    jq
CMD ["bash"]
