FROM alpine:3.19
RUN curl --silent --show-error --output /tmp/install.sh https://sh.rustup.rs \
    && sh /tmp/install.sh -y
RUN curl --retry 3 --location https://deb.nodesource.com/setup_20.x > /tmp/setup.sh
RUN curl https://raw.githubusercontent.com/nvm-sh/nvm/v0.39.7/install.sh > /tmp/nvm.sh
RUN sudo curl -q -o /usr/share/keyrings/docker.asc https://download.docker.com/linux/ubuntu/gpg
