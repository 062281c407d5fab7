FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates build-essential libgmp-dev zlib1g-dev git && rm -rf /var/lib/apt/lists/*
RUN curl -sSL https://get.haskellstack.org/ | sh
WORKDIR /app
COPY stack.yaml package.yaml ./
RUN stack setup && stack build --only-dependencies
COPY . .
RUN stack build
EXPOSE 3000
CMD ["stack", "exec", "web-server"]
