FROM python:3.12-slim
WORKDIR /app
COPY --chmod=644 app.key /etc/app/app.key
COPY --chmod=u=rwx,go=rx app.py .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["python", "app.py"]
