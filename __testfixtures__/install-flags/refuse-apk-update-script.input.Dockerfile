FROM alpine:3.19
RUN apk update && apk add --no-cache curl
COPY install.sh /tmp/install.sh
# the installer may add packages from the index the update leaves
RUN /tmp/install.sh
CMD ["curl", "--version"]
