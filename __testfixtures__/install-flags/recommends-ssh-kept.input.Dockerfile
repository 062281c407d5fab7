FROM debian:bookworm
RUN apt-get update && apt-get install -y mercurial ca-certificates && rm -rf /var/lib/apt/lists/*
RUN hg clone https://hg.example.com/repo /src
RUN apt-get update && apt-get install -y lftp ca-certificates && rm -rf /var/lib/apt/lists/*
CMD ["lftp", "-c", "open https://files.example.com; mirror /pub /data"]
