FROM debian:bookworm
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install -y python3-pip python3-dev \
    && pip3 install --break-system-packages .
