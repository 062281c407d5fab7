FROM python:3.12-alpine
RUN apk add --no-cache curl
RUN addgroup -S -g 10001 app && adduser -D -S -H -s /bin/sh -u 10001 -G app app
USER 10001:10001
CMD ["python", "-m", "http.server"]
