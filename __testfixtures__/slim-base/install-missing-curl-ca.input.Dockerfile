FROM node:20
RUN curl -fsSL https://example.com/config.json -o /etc/app.json
CMD ["node", "index.js"]
