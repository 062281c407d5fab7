FROM debian:trixie-slim
ARG CHROMIUM_VERSION=131.0.6778.139
ARG CHROMIUM_DEB_SITE="http://deb.debian.org/debian"
RUN apt-get update -qqy \
  && apt-get install -qqy --no-install-recommends wget ca-certificates \
  && mkdir -p /tmp/chromium \
  && wget -q ${CHROMIUM_DEB_SITE}/pool/main/c/chromium/chromium-common_${CHROMIUM_VERSION}-1_$(dpkg --print-architecture).deb -O /tmp/chromium/chromium-common.deb \
  && wget -q ${CHROMIUM_DEB_SITE}/pool/main/c/chromium/chromium_${CHROMIUM_VERSION}-1_$(dpkg --print-architecture).deb -O /tmp/chromium/chromium.deb \
  && apt-get -qqyf install --no-install-recommends /tmp/chromium/chromium-common.deb /tmp/chromium/chromium.deb fonts-liberation \
  && rm -rf /tmp/chromium /var/lib/apt/lists/*
USER 1200
CMD ["chromium", "--headless", "--screenshot", "https://example.com"]
