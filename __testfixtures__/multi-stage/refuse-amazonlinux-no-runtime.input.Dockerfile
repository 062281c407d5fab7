FROM amazonlinux:2023
RUN dnf install -y gcc make && dnf clean all
WORKDIR /src
COPY . .
RUN make && make install PREFIX=/usr/local
CMD ["/usr/local/bin/server"]
