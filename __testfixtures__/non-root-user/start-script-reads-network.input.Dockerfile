FROM alpine:3.20
RUN apk add --no-cache iproute2 jq bash
WORKDIR /app
COPY ./report.sh /app/report.sh
CMD ["/app/report.sh"]
