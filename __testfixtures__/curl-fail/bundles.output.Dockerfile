FROM ubuntu:22.04
RUN curl -fsSL https://dl.yarnpkg.com/debian/pubkey.gpg | apt-key add -
RUN curl -fLo /tmp/go.tgz https://go.dev/dl/go1.22.1.linux-amd64.tar.gz
RUN curl -fsSLo /usr/local/bin/jq https://github.com/jqlang/jq/releases/download/jq-1.7.1/jq-linux-amd64
RUN curl -qfL https://get.sdkman.io | bash
RUN curl -fOL https://bootstrap.pypa.io/get-pip.py && python3 get-pip.py
RUN KUBECTL="$(curl -fsL https://dl.k8s.io/release/stable.txt)" && echo "$KUBECTL"
