FROM alpine:3.20
RUN apk add --no-cache ca-certificates
COPY migrate /usr/local/bin/migrate
# The database's account is an argument, not a program the container runs.
CMD ["migrate", "--db-user", "postgres", "--source", "docker"]
