FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
COPY packages.txt /tmp/packages.txt
RUN xargs apt-get install -y --no-install-recommends < /tmp/packages.txt
