FROM node:22-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY . .
RUN npm ci
ENTRYPOINT ["/usr/bin/tini", "--", "./entrypoint.sh"]
CMD ["npm", "run", "serve"]
