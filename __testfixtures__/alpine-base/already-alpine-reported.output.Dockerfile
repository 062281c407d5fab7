FROM python:3.12-alpine
CMD ["python", "-m", "http.server"]
