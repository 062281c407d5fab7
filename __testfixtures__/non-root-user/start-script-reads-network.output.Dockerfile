FROM alpine:3.20
RUN apk add --no-cache iproute2 jq bash
WORKDIR /app
COPY ./report.sh /app/report.sh
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
CMD ["/app/report.sh"]
