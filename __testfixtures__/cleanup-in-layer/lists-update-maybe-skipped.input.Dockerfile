FROM debian:bookworm-slim
ARG REFRESH=0
RUN apt-get update && apt-get install -y --no-install-recommends curl
# Only refreshes the lists when asked: by default git comes from those of the RUN above.
RUN if [ "$REFRESH" = 1 ]; then apt-get update; fi && apt-get install -y --no-install-recommends git
