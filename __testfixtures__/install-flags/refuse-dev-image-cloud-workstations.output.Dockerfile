# Start from the predefined image with no IDE, and add the tools the team uses.
FROM us-west1-docker.pkg.dev/cloud-workstations-images/predefined/base:latest

COPY 200_clone-repositories.sh /etc/workstation-startup.d/
RUN chmod -R +x /etc/workstation-startup.d

ENV DEBIAN_FRONTEND=noninteractive

RUN apt-get update \
    && apt-get install -y tmux gh \
    && rm -rf /var/lib/apt/lists/*

ENV DEBIAN_FRONTEND=
