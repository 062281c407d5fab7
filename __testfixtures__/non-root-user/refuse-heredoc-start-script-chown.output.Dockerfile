# syntax=docker/dockerfile:1
FROM python:3.12-slim
WORKDIR /app
COPY app.py .
COPY <<-"EOF" /usr/local/bin/start
	#!/bin/sh
	chown -R www-data /app/uploads
	exec python app.py
	EOF
CMD ["start"]
