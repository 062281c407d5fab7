FROM python:3.12-slim
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt honcho
COPY . .
CMD ["honcho", "start"]
