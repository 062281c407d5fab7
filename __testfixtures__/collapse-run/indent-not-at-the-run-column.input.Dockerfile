FROM ubuntu:22.04

RUN apt-get update && apt-get install -y \
    build-essential \
    libssl-dev

ADD https://curl.se/download/curl-7.78.0.tar.gz /opt/curl-7.78.0.tar.gz
RUN tar -C /opt -xf /opt/curl-7.78.0.tar.gz
RUN cd /opt/curl-7.78.0 && ./configure --disable-shared --with-ssl \
--without-libssh2 --without-gssapi --disable-ldap \
--without-zstd && make -j8 && make install

CMD ["curl", "--version"]
