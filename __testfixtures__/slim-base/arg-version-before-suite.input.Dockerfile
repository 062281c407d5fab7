ARG PYTHON_VERSION=3.12
ARG NODE_VERSION=20

FROM node:${NODE_VERSION}-bookworm AS assets
WORKDIR /assets
COPY package.json package-lock.json ./
RUN npm ci
COPY frontend/ frontend/
RUN npm run build

FROM python:${PYTHON_VERSION}-bookworm
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY --from=assets /assets/dist /app/static
COPY . .
CMD ["python", "-m", "app"]
