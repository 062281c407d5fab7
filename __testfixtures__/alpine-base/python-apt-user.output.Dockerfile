FROM python:3.12-alpine
ENV PYTHONUNBUFFERED=1
RUN apk add --no-cache libpq curl
RUN addgroup -g 1000 app && adduser -D -h /home/app -s /bin/sh -u 1000 -G app app
USER app
WORKDIR /home/app
COPY --chown=app:app app.py .
CMD ["python", "app.py"]
