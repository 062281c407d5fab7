FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends opam build-essential ca-certificates git unzip && rm -rf /var/lib/apt/lists/*
RUN opam init -y --disable-sandboxing --bare && opam switch create default 5.2.0 && opam install -y dune dream
WORKDIR /app
COPY . .
RUN opam exec -- dune build --release
EXPOSE 8080
CMD ["opam", "exec", "--", "/app/_build/default/bin/main.exe"]
