# syntax=docker/dockerfile:1
FROM python:3.12-slim
ARG PORT=8000
WORKDIR /app
COPY app.py .
COPY <<EOF /usr/local/bin/start
#!/bin/sh
exec python app.py --port ${PORT}
EOF
CMD ["start"]
