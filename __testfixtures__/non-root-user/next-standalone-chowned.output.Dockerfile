FROM node:20-alpine
WORKDIR /app
ENV NODE_ENV=production
# Set the correct permission for prerender cache
RUN mkdir .next && chown node:node .next
COPY --chown=node:node .next/standalone ./
COPY --chown=node:node .next/static ./.next/static
USER 1000:1000
EXPOSE 3000
CMD ["node", "server.js"]
