FROM debian:bookworm
RUN apt-get update && [ "$X" = 1 ] && apt-get install --no-install-recommends -y curl ca-certificates; apt-get install --no-install-recommends -y wget ca-certificates
RUN wget https://e.com/y
