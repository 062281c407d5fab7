FROM alpine:3.19
# Refreshes the index for the installs below; it adds no package.
RUN apk add --update
RUN apk add -U tzdata && apk add curl
RUN apk add bash
CMD ["bash"]
