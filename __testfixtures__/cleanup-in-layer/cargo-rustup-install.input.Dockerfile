FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates gcc libc6-dev \
 && rm -rf /var/lib/apt/lists/*
RUN curl https://sh.rustup.rs -sSf | sh -s -- -y --profile minimal \
 && . "$HOME/.cargo/env" \
 && cargo install just
ENV PATH="/root/.cargo/bin:${PATH}"
WORKDIR /work
ENTRYPOINT ["just"]
