FROM debian:bookworm
RUN apt-get update && apt-get install -y git && git clone https://example.com/r.git /r && apt-get install -y curl && curl -fsSL https://example.com/x -o /x
CMD ["bash"]
