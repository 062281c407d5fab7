FROM cgr.dev/chainguard/wolfi-base:latest
RUN apk add --no-cache bash curl jq git openssh-client
COPY scripts/ /usr/local/bin/
