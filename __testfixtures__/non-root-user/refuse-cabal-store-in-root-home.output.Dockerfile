FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ghc cabal-install ca-certificates zlib1g-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY *.cabal cabal.project ./
RUN cabal update && cabal build --only-dependencies
COPY . .
RUN cabal build
EXPOSE 8080
CMD ["cabal", "run", "web"]
