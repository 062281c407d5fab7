FROM debian:bookworm-slim
# The check exits the shell once it passes: a cleanup after it would never run
RUN apt-get update && apt-get install -y --no-install-recommends curl && curl --version && exit 0
CMD ["curl", "--version"]
