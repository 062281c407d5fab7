FROM python:3.12-slim AS base
WORKDIR /srv
# A placeholder the app's own start script replaces below
RUN printf '#!/bin/sh\nservice ssh start\nexec python app.py\n' > /srv/start.sh \
    && chmod +x /srv/start.sh

FROM base AS app
COPY . .
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["./start.sh"]
