FROM debian:bookworm-slim
RUN apt-get update \
   && apt-get install -y unzip

# The `||` only picks how the group is made; the update still runs before the install.
RUN groupadd -g 1000 nifi || groupmod -n nifi `getent group 1000 | cut -d: -f1` \
    && useradd -u 1000 -g 1000 -m nifi \
    && apt-get update \
    && apt-get install -y jq \
    && rm -rf /var/lib/apt/lists/*
