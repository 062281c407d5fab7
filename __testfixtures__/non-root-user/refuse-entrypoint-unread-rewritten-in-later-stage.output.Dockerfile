FROM python:3.12-slim AS base
WORKDIR /srv
COPY . .

FROM base AS debug
RUN apt-get update && apt-get install -y --no-install-recommends openssh-server \
    && rm -rf /var/lib/apt/lists/*
# Start sshd beside the app for debugging sessions
RUN printf '#!/bin/sh\nservice ssh start\nexec python app.py\n' > /srv/start.sh \
    && chmod +x /srv/start.sh
CMD ["./start.sh"]
