FROM debian:bookworm
RUN apt-get update && apt-get install -y curl
RUN \
    # the lists are not needed at run time
    rm -rf /var/lib/apt/lists/*
