FROM debian:bookworm-slim
WORKDIR /src
RUN ( cd vendor && wget -q https://example.com/protoc-25.1-linux-x86_64.zip && unzip protoc-25.1-linux-x86_64.zip -d /usr/local ) && \
    protoc --version
