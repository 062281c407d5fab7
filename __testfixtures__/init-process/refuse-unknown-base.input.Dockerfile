FROM registry.example.com/platform/node:22
COPY . /app
CMD npm ci && npm start
