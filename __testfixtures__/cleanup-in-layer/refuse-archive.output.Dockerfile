FROM ubuntu:22.04
RUN wget -q https://ftp.gnu.org/gnu/hello/hello-2.12.tar.gz \
    && tar xzf hello-2.12.tar.gz \
    && cd hello-2.12 && ./configure && make install \
    && rm -f /hello-2.12.tar.gz
RUN curl -fsSL -o /opt/jdk.tar.gz https://example.com/jdk.tar.gz && tar -xzf /opt/jdk.tar.gz -C /opt
RUN sha256sum /opt/jdk.tar.gz > /opt/jdk.sha256
