FROM node:18-alpine
RUN apk add --no-cache ffmpeg
WORKDIR /app
COPY package*.json ./
RUN npm install
COPY . .
# uploads and temp take the videos sent and converted; public holds the page the server sends
RUN mkdir -p uploads temp public && \
    chmod 755 uploads temp public
RUN chown -R 1000:1000 /app/uploads && chown -R 1000:1000 /app/temp
USER 1000:1000
EXPOSE 8765
CMD ["npm", "start"]
