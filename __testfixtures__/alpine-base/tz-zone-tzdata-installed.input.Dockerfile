FROM node:20-slim
ENV TZ=America/New_York
RUN apt-get update \
    && apt-get install -y --no-install-recommends tzdata \
    && ln -snf /usr/share/zoneinfo/$TZ /etc/localtime \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY server.js ./
CMD ["node", "server.js"]
