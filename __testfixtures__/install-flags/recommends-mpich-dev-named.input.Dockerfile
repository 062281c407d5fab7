FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y mpich libmpich-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN make CC=mpicc
CMD ["mpirun", "-n", "4", "./solver"]
