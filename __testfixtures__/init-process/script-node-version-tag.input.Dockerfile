FROM node:20-slim
WORKDIR /app
COPY . .
ENTRYPOINT ["./start.sh"]
