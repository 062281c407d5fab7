FROM mips64le/debian:bookworm-slim
COPY app /app
ENTRYPOINT ["sh", "-c", "/app/setup && /app/run"]
