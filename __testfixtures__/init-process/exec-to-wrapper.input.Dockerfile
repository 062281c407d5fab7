FROM node:22-bookworm
WORKDIR /app
COPY . .
RUN npm ci
ENTRYPOINT ["./entrypoint.sh"]
CMD ["npm", "run", "serve"]
