FROM lscr.io/linuxserver/baseimage-debian:bookworm

RUN apt-get update \
    && apt-get install -y --no-install-recommends python3 \
    && rm -rf /var/lib/apt/lists/*

COPY app.py /app/app.py

# s6-overlay's /init starts this as its child and stops the container when it exits
CMD ["python3", "/app/app.py", "--port", "8080"]
