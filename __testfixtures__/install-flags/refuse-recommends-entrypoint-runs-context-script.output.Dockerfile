FROM debian:bookworm-slim
RUN DEB=app_$(dpkg --print-architecture).deb && \
    apt-get update && apt-get install -y "./${DEB}" && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /entrypoint.sh
COPY init-db.sh /init-db.sh
ENTRYPOINT ["/entrypoint.sh"]
CMD ["server"]
