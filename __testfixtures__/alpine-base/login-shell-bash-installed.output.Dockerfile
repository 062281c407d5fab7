FROM python:3.12-alpine
RUN apk add --no-cache bash
RUN adduser -D -s /bin/bash app
USER app
CMD ["python", "-m", "http.server"]
