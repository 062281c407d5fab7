FROM alpine:3.20
RUN apk add --no-cache ca-certificates tzdata
COPY release/linux/amd64/drone-agent /bin/drone-agent
ENV DRONE_RUNNER_CAPACITY=2
ENTRYPOINT ["/bin/drone-agent"]
