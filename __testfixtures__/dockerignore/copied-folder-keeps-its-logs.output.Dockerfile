FROM node:20
WORKDIR /app
COPY . .
COPY logs /logs
RUN npm install
CMD ["node", "x.js"]
