FROM registry.example.com/platform/python-runtime:3.12
WORKDIR /app
COPY . .
CMD ["python", "-m", "billing"]
