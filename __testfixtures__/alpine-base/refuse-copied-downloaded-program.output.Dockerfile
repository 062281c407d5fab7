FROM debian:bookworm-slim AS fetch
ARG YTDLP_VERSION=2024.08.06
RUN apt-get update && apt-get install -y --no-install-recommends curl ca-certificates \
    && curl -fsSL "https://github.com/yt-dlp/yt-dlp/releases/download/${YTDLP_VERSION}/yt-dlp_linux" -o /usr/local/bin/yt-dlp \
    && chmod +x /usr/local/bin/yt-dlp

FROM python:3.12-slim
WORKDIR /app
COPY --from=fetch /usr/local/bin/yt-dlp /usr/local/bin/yt-dlp
COPY worker.py .
CMD ["python", "worker.py"]
