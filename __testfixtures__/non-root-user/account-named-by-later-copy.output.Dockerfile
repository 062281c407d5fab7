FROM python:3.12-slim AS assets
RUN mkdir -p /var/log/app /var/lib/app/uploads

FROM python:3.12-slim
WORKDIR /app
COPY --chown=33:0 --from=assets /var/log/app /var/log/app
# the app writes its uploads here
COPY --from=assets --chown=www-data:root /var/lib/app /var/lib/app
COPY app.py .
USER 33:0
CMD ["python", "app.py"]
