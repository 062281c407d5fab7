FROM debian:bookworm
WORKDIR /app
COPY . .
RUN apt-get update && apt-get install --no-install-recommends -y python3-pip python3-dev build-essential \
    && pip3 install --no-cache-dir --break-system-packages .
