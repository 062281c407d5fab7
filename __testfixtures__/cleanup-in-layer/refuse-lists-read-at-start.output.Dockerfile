FROM debian:bookworm-slim AS base
RUN apt-get update && apt-get install -y --no-install-recommends python3

FROM base
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["entrypoint.sh"]
CMD ["python3", "-m", "http.server"]
