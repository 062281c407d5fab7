FROM golang:1.22-bookworm
ENV SERVICE_NAME=service
COPY entrypoint.sh /entrypoint.sh
VOLUME /src
WORKDIR /src
ENTRYPOINT ["/entrypoint.sh"]
