FROM node:22-slim
WORKDIR /app
CMD ["node", "server.js"]
# blanks after the escape character still continue the line, as BuildKit reads it
COPY . . \  
