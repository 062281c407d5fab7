FROM ruby:3.3-slim-bookworm
RUN apt-get update && apt-get install -y \
      gnupg sudo curl locales \
      imagemagick pngquant \
# install these without recommends to avoid pulling in X11 libraries and mailutils
    && apt-get install -y --no-install-recommends git rsyslog logrotate cron \
    && rm -rf /var/lib/apt/lists/*
# A comment above the RUN speaks for the whole RUN: it chooses nothing install by install.
# Keep images small: no recommended packages.
RUN apt-get update && apt-get install --no-install-recommends -y wget \
    && apt-get install -y --no-install-recommends jq \
    && rm -rf /var/lib/apt/lists/*
# A command commented out above the flagged install is no choice either.
RUN apt-get update && apt-get -y install --no-install-recommends procps \
    #&& apt-get -y install -t bookworm-backports libreoffice --no-install-recommends \
    && apt-get -y install libreoffice-core --no-install-recommends \
    && rm -rf /var/lib/apt/lists/*
CMD ["ruby", "app.rb"]
