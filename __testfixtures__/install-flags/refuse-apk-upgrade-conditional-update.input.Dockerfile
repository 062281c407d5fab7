FROM alpine:3.20
# An update in a branch may not run: the upgrade then reads what the image has, and stays as it is.
RUN if [ -n "$EDGE" ]; then apk update; fi && apk upgrade && apk add --no-cache curl
CMD ["curl", "--version"]
