FROM oraclelinux
RUN dnf install -y openssl ca-certificates && dnf clean all
COPY bin/server /usr/local/bin/server
CMD ["/usr/local/bin/server"]
