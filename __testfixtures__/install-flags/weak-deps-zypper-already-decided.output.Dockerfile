FROM quay.io/example/sles-builder:15.6
RUN zypper -n in --no-recommends curl \
    && zypper -n in --recommends git \
    && zypper -n in --download-only gcc \
    && zypper -n in --dry-run make \
    && zypper -n in --no-recommends tar \
    && zypper clean -a
