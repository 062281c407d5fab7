FROM debian:12
RUN apt-get update && apt-get install -y wget curl && rm -rf /var/lib/apt/lists/*
RUN curl -fsSL https://example.com/x.sh -o /x.sh
CMD ["bash"]
