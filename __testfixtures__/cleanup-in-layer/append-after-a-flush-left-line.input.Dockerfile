FROM debian:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends curl \
git ca-certificates && apt-get clean
CMD ["curl", "--version"]
