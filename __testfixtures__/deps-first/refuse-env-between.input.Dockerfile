FROM node:20-alpine
ENV APP_HOME=/app
COPY . $APP_HOME
ENV APP_HOME=/srv
WORKDIR /app
RUN npm ci
