FROM node:20-alpine AS build
WORKDIR /app
COPY . .
RUN npm install && npx prisma generate && npm run build

FROM node:20-alpine
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/prisma ./prisma
COPY entrypoint.sh .
EXPOSE 4000
ENTRYPOINT ["./entrypoint.sh"]
