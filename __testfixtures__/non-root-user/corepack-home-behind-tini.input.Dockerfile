FROM node:20-slim
# corepack keeps pnpm outside root's home
ENV COREPACK_HOME=/opt/corepack
RUN corepack enable && corepack prepare pnpm@10.22.0 --activate
RUN apt-get update && apt-get install -y --no-install-recommends tini && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY dist ./dist
ENTRYPOINT ["tini", "--"]
CMD ["pnpm", "start"]
