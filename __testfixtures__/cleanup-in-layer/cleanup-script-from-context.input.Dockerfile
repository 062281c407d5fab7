FROM ubuntu:24.04

# Copy scripts.
COPY --chown=root:root --chmod=755 /scripts/dist/ /scripts/

# Update pre-installed packages.
RUN apt-get update && \
    apt-get -qq dist-upgrade && \
    apt-get install -y --no-install-recommends exiftool ffmpeg && \
    /scripts/cleanup.sh

CMD ["ffmpeg", "-version"]
