FROM debian:bookworm AS base
RUN apt-get update && apt-get upgrade -y

FROM base
COPY app /app
RUN apt-get install -y --no-install-recommends libpq5
CMD ["/app/run"]
