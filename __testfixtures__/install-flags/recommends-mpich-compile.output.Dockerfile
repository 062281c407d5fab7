FROM debian:bookworm-slim
WORKDIR /opt/hello
COPY hello.c .
RUN apt-get update \
    && apt-get install --no-install-recommends -y mpich libmpich-dev \
    && mpicc -O2 -o /usr/local/bin/hello hello.c \
    && rm -rf /var/lib/apt/lists/*
CMD ["mpirun", "-n", "2", "/usr/local/bin/hello"]
