FROM debian:bookworm
RUN apt-get install -y "curl
RUN echo "unbalanced && apt-get install -y --no-install-recommends git
