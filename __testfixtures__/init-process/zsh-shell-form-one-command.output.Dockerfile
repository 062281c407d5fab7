# A SHELL instruction names zsh, of which it is not known whether it replaces itself with a string's one command:
# it counts as dash, which runs the program as its child and stays PID 1 (only /bin/sh may be dash itself).
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends zsh tini && rm -rf /var/lib/apt/lists/*
SHELL ["/bin/zsh", "-c"]
ENTRYPOINT ["/usr/bin/tini", "--"]
CMD server --port 8080
