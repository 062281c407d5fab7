FROM node:20-alpine
ENV TZ=America/New_York
RUN apk add --no-cache tzdata \
    && ln -snf /usr/share/zoneinfo/$TZ /etc/localtime
WORKDIR /app
COPY server.js ./
CMD ["node", "server.js"]
