FROM debian:bookworm
RUN apt-get update && apt-get install -y curl gnupg && \
    curl -fsSL https://deb.nodesource.com/setup_20.x | bash && \
    apt-get install -y nodejs && \
    pip install flask && \
    pip install gunicorn && \
    bash -c "echo done > /tmp/done" && \
    curl -fsSL https://example.com/x -o /tmp/x
