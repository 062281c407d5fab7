FROM ubuntu:22.04
RUN curl -sS https://dl.yarnpkg.com/debian/pubkey.gpg | apt-key add -
RUN curl -o /tmp/go.tgz https://go.dev/dl/go1.22.1.linux-amd64.tar.gz
RUN curl -sSLo /usr/local/bin/jq https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-linux-amd64
RUN curl -qL https://get.sdkman.io | bash
RUN curl -O https://bootstrap.pypa.io/get-pip.py && python3 get-pip.py
RUN KUBECTL="$(curl -s https://dl.k8s.io/release/stable.txt)" && echo "$KUBECTL"
