FROM python:3.12-slim
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --chmod=644 app ./app/
EXPOSE 8000
CMD ["python", "-m", "app"]
