# a deployer that brings up stacks with Docker Compose
FROM alpine:3.20
RUN apk add --no-cache ca-certificates docker-cli-compose
COPY deployer /usr/local/bin/deployer
ENTRYPOINT ["/usr/local/bin/deployer"]
