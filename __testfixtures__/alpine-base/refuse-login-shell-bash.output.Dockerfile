FROM python:3.12-slim
RUN useradd -m -s /bin/bash app
USER app
CMD ["python", "-m", "http.server"]
