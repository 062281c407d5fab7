FROM lscr.io/linuxserver/baseimage-ubuntu:noble
RUN apt-get update && apt-get install -y --no-install-recommends python3 && rm -rf /var/lib/apt/lists/*
COPY app.py /app/
CMD python3 /app/app.py
