FROM debian:bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends curl ca-certificates

RUN curl -sSf https://sh.rustup.rs | tee /tmp/rustup-init.sh | sh -s -- -y

CMD ["bash"]
