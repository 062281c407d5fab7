FROM alpine:3.19
ENV OPENRESTY_VERSION=1.25.3.1
ADD busybox.tar.xz /
ADD ngx_openresty-${OPENRESTY_VERSION}.tar.gz /root/
RUN cd /root/ngx_openresty-* && ./configure && make && make install
