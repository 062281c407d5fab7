FROM golang:1.24 AS build
WORKDIR /src
COPY . .
RUN go build -o /bin/llmd .

FROM ubuntu:24.04
COPY --from=build /bin/llmd /usr/bin/llmd
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    mkdir -p /data && \
    chown 10001:10001 /data
USER 10001:10001
VOLUME /data
EXPOSE 11434
ENTRYPOINT ["/usr/bin/llmd"]
CMD ["serve"]
