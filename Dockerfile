# dockshift in a container: docker run --rm -v "$PWD:/work" dockshift --check .
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY transforms ./transforms
COPY scripts ./scripts
RUN npm run build && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /opt/dockshift
COPY --from=build /src/package.json ./
COPY --from=build /src/node_modules ./node_modules
COPY --from=build /src/dist ./dist
COPY bin ./bin
# The bundle's code cache (src/codeCache.ts): made here, as the user node cannot write it.
RUN node bin/dockshift.js --version
USER node
WORKDIR /work
ENTRYPOINT ["node", "/opt/dockshift/bin/dockshift.js"]
CMD ["--help"]
