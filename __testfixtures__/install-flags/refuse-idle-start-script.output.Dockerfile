# A development environment: the start script runs nginx in the background, then only waits.
FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y git tmux vim nginx \
    && rm -rf /var/lib/apt/lists/*
COPY entrypoint.sh /home/entrypoint.sh
COPY init.sh /home/init.sh
ENTRYPOINT ["/home/entrypoint.sh"]
CMD ["/home/init.sh"]
