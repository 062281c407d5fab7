FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
COPY install-extras.sh /usr/local/bin/
RUN /usr/local/bin/install-extras.sh
RUN rm -rf /var/lib/apt/lists/*
