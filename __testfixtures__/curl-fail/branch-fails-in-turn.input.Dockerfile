FROM alpine:3.20
RUN apk add --no-cache curl binutils
RUN curl -sSL "https://example.com/releases/tool-amd64" -o /usr/bin/tool \
    && chmod +x /usr/bin/tool \
    && readelf -h /usr/bin/tool || (echo "Error with downloaded binary" && exit 1) \
    && /usr/bin/tool --version
