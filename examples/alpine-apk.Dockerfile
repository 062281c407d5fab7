FROM alpine:3.20

RUN apk update && \
    apk add bash curl jq openssh-client

COPY scripts/ /usr/local/bin/
RUN chmod +x /usr/local/bin/*.sh

ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
CMD ["--help"]
