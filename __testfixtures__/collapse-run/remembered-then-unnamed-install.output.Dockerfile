FROM ubuntu:22.04
RUN ( cmake --version ) && \
    sh /tmp/cmake-3.28.1-linux-x86_64.sh --skip-license --prefix=/usr/local && \
    cmake --version
