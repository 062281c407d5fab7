FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y git ca-certificates && git clone https://example.com/r.git /r && apt-get install --no-install-recommends -y curl && curl -fsSL https://example.com/x -o /x
CMD ["bash"]
