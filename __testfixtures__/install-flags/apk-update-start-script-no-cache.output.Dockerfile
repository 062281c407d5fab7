FROM alpine:3.20
RUN apk add --no-cache curl
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["entrypoint.sh"]
CMD ["curl", "--version"]
