FROM python:3.12-slim
WORKDIR /app
COPY --chmod=644 app.key /etc/app/app.key
COPY --chmod=u=rwx,go=rx app.py .
CMD ["python", "app.py"]
