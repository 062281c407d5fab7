FROM haskell:9.6.6-slim-bullseye AS build
WORKDIR /src
COPY . .
RUN cabal update && cabal build exe:web && mkdir -p /out && cp "$(cabal list-bin exe:web)" /out/web

FROM debian:bullseye-slim
RUN apt-get update && apt-get install -y --no-install-recommends libgmp10 zlib1g && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/web /usr/local/bin/web
EXPOSE 8080
CMD ["web"]
