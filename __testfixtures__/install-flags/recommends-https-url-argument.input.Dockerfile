FROM node:20-slim
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
RUN npm install -g git+https://github.com/acme/cli.git
CMD ["acme"]
