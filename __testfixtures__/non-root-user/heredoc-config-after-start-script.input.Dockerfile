FROM node:20-slim
WORKDIR /app
COPY package.json server.js ./
COPY start.sh /usr/local/bin/start.sh
COPY <<EOF /app/config.json
{"port": 3000}
EOF
CMD ["start.sh"]
