FROM node:20
RUN npm install -g pnpm
ENV PNPM_HOME=/pnpm
RUN pnpm --version
