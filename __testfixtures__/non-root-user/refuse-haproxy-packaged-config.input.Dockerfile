FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends haproxy && rm -rf /var/lib/apt/lists/*
EXPOSE 8080
CMD ["haproxy", "-f", "/etc/haproxy/haproxy.cfg", "-db"]
