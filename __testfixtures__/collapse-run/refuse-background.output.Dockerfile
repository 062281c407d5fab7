FROM redis:7
RUN redis-server --daemonize no &
RUN redis-cli ping || true
