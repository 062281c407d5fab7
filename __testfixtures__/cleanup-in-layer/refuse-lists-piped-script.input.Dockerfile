FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl
# the installer sh reads from the pipe may run apt-get install with the lists the RUN above leaves
RUN curl -fsSL https://example.com/install.sh | sh -s -- --yes
