FROM node:22-bookworm
# Outside root's home, as Playwright's own image keeps them
ENV PLAYWRIGHT_BROWSERS_PATH=/ms-playwright
RUN npx -y playwright@1.46.0 install --with-deps
WORKDIR /app
COPY . .
RUN npm ci && npx playwright install-deps
CMD ["node", "src/index.js"]
