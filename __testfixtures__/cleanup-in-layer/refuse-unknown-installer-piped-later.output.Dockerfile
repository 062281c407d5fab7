FROM debian:bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends curl ca-certificates

RUN curl -sSf https://sh.rustup.rs | sh -s -- -y --profile minimal \
    && curl -fsSL https://example.com/install.sh | sh -s -- --prefix /usr/local

CMD ["bash"]
