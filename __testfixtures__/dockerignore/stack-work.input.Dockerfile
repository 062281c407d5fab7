FROM haskell:9.6.6 AS build
WORKDIR /src
COPY . .
RUN stack --system-ghc build --copy-bins --local-bin-path /out

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libgmp10 && rm -rf /var/lib/apt/lists/*
COPY --from=build /out/web /usr/local/bin/web
CMD ["web"]
