FROM debian:bookworm-slim
RUN id -u app >/dev/null 2>&1 || useradd --system --uid 10001 --create-home app
COPY target/server /usr/local/bin/server
CMD ["server"]
