FROM python:3.12-slim
WORKDIR /app
COPY . .
RUN ./scripts/prepare.sh
RUN pip install -r requirements.txt
