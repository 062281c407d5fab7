FROM python:3.12-slim
ENV PYTHON=python3.12
WORKDIR /app
COPY app.py entrypoint.sh ./
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["python", "-m", "app"]
