FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
RUN apt-get update && apt-get install -y --no-install-recommends xvfb &
CMD ["curl", "--version"]
