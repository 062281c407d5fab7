# a CI runner that starts its jobs with the Docker CLI
FROM alpine:3.20
RUN apk add --no-cache ca-certificates docker-cli=26.1.5-r0 git
COPY runner /usr/local/bin/runner
ENTRYPOINT ["/usr/local/bin/runner"]
