FROM debian:bookworm-slim
RUN ["/bin/bash", "-c", "apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*"]
RUN ["/bin/bash", "-c", "curl -fsSL https://example.com/install.sh | bash"]
CMD ["bash"]
