FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends opam build-essential ca-certificates git unzip && rm -rf /var/lib/apt/lists/*
RUN opam init -y --disable-sandboxing --bare && opam switch create default 5.2.0 && opam install -y dune dream
WORKDIR /app
COPY . .
RUN opam exec -- dune build --release
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
EXPOSE 8080
CMD ["/app/_build/default/bin/main.exe"]
