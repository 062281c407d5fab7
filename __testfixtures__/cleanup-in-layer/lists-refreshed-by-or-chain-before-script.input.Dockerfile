FROM debian:bookworm-slim
RUN apt-get update \
   && apt-get install -y unzip

# Whichever way the group is made, this RUN refreshes the lists before the script below.
RUN groupadd -g 1000 nifi || groupmod -n nifi `getent group 1000 | cut -d: -f1` \
    && apt-get update \
    && apt-get install -y jq

RUN curl -LsSf https://astral.sh/uv/install.sh | sh
