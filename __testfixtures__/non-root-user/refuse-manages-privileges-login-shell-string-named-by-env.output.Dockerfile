FROM debian:bookworm-slim
ENV START=/app/start.sh
COPY start.sh /app/start.sh
CMD ["bash", "-lc", "$START"]
