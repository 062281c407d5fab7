FROM alpine:3.19
RUN curl --fail --location --silent --show-error --output /tmp/install.sh https://sh.rustup.rs \
    && sh /tmp/install.sh -y
RUN curl --fail --retry 3 --location https://deb.nodesource.com/setup_20.x > /tmp/setup.sh
RUN curl -fL https://raw.githubusercontent.com/nvm-sh/nvm/v0.39.7/install.sh > /tmp/nvm.sh
RUN sudo curl -qfL -o /usr/share/keyrings/docker.asc https://download.docker.com/linux/ubuntu/gpg
