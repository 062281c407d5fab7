FROM gitpod/workspace-full

RUN sudo apt-get update \
 && sudo apt-get install -y postgresql-client redis-tools \
 && sudo rm -rf /var/lib/apt/lists/*
