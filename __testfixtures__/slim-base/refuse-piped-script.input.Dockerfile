FROM python:3.11
RUN apt-get update && apt-get install -y curl && curl -fsSL https://example.com/setup.sh | bash
CMD ["python", "app.py"]
