FROM alpine:3.20
RUN apk add --no-cache python3
WORKDIR /app
COPY . .
ENTRYPOINT ["/app/start.sh"]
