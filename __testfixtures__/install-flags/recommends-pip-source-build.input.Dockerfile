FROM debian:bookworm
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y python3-pip \
    && pip3 install --break-system-packages .
