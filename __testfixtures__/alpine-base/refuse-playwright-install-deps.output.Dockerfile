FROM node:20-bookworm
WORKDIR /app
RUN npx playwright install --with-deps chromium
CMD ["node", "-e", "console.log(1)"]
