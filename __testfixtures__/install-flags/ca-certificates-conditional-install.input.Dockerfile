FROM debian:bookworm
RUN apt-get update && [ "$X" = 1 ] && apt-get install -y curl; apt-get install -y wget
RUN wget https://e.com/y
