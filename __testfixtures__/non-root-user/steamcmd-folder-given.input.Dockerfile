FROM debian:bookworm-slim
RUN dpkg --add-architecture i386 \
    && apt-get update \
    && apt-get install -y --no-install-recommends ca-certificates curl lib32gcc-s1 \
    && rm -rf /var/lib/apt/lists/*
RUN useradd -m -l -u 1000 steam \
    && mkdir -p /home/steam/steamcmd /home/steam/server \
    && curl -fsSL https://steamcdn-a.akamaihd.net/client/installer/steamcmd_linux.tar.gz | tar -xz -C /home/steam/steamcmd \
    && chown -R steam:steam /home/steam
COPY start.sh /start.sh
CMD ["/start.sh"]
