FROM debian:bookworm-slim
RUN echo "alias motd='cat <<EOF'" >> /root/.bashrc
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
CMD ["bash"]
