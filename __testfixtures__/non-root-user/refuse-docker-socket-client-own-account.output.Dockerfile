FROM golang:1.22 AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /src/dist/woodpecker-agent ./cmd/agent

FROM alpine:3.20

RUN apk add -U --no-cache ca-certificates && \
  adduser -u 1000 -g 1000 woodpecker -D && \
  mkdir -p /etc/woodpecker && \
  chown -R woodpecker:woodpecker /etc/woodpecker

EXPOSE 3000
COPY --from=build /src/dist/woodpecker-agent /bin/

HEALTHCHECK CMD ["/bin/woodpecker-agent", "ping"]
ENTRYPOINT ["/bin/woodpecker-agent"]
