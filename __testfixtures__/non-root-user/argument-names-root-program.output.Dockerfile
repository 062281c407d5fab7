FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY migrate /usr/local/bin/migrate
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
# The database's account is an argument, not a program the container runs.
CMD ["migrate", "--db-user", "postgres", "--source", "docker"]
