FROM python:3.12
COPY app.py /app.py
ENTRYPOINT ["python", "/app.py"]
CMD ["--port", "8080"]
