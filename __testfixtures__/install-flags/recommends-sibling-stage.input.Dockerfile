FROM ubuntu:24.04 AS tools
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
RUN git --version > /version

FROM ubuntu:24.04 AS fetch
RUN git clone https://github.com/example/data /data

FROM ubuntu:24.04
COPY --from=tools /version /version
COPY --from=fetch /data /data
CMD ["cat", "/version"]
