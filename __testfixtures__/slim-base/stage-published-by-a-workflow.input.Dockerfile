FROM python:3.12 AS api
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["uvicorn", "api.main:app", "--host", "0.0.0.0"]

FROM node:20 AS web
WORKDIR /web
COPY web/ .
RUN npm ci && npm run build
CMD ["npx", "serve", "-s", "dist"]
