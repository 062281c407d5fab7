FROM node:20-slim
RUN apt-get update && apt-get install --no-install-recommends -y git ca-certificates && rm -rf /var/lib/apt/lists/*
RUN npm install -g git+https://github.com/acme/cli.git
CMD ["acme"]
