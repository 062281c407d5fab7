FROM python:3.12-alpine
WORKDIR /content
COPY index.html .
CMD ["python3", "-m", "http.server", "80", "--bind", "0.0.0.0"]
