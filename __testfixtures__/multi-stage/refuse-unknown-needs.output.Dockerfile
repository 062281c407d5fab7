FROM node:22-bookworm
WORKDIR /app
COPY package.json package-lock.json ./
COPY prisma ./prisma
RUN npm ci && npx prisma generate
COPY . .
RUN npm run build
EXPOSE 3000
CMD ["node", "dist/main.js"]
