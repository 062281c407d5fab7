FROM alpine:3.19
# Refreshes the index for the installs below; it adds no package.
RUN apk add --update
RUN apk add --no-cache -U tzdata && apk add --no-cache curl
RUN apk add --no-cache bash
CMD ["bash"]
