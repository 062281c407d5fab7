FROM rust:1.79
RUN ( apt-get update && apt-get install -y ripgrep && rg --version ) && \
    cargo -q --config net.git-fetch-with-cli=true install --locked ripgrep && rg --version
