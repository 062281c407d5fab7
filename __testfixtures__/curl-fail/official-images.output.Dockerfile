FROM debian:bookworm-slim

ENV NGINX_VERSION=1.25.4
RUN set -x \
	&& curl -fSL "http://nginx.org/download/nginx-$NGINX_VERSION.tar.gz" -o nginx.tar.gz \
	&& curl -fSL "http://nginx.org/download/nginx-$NGINX_VERSION.tar.gz.asc" -o nginx.tar.gz.asc \
	&& curl -fsSL https://nginx.org/keys/nginx_signing.key | gpg --import \
	&& gpg --verify nginx.tar.gz.asc nginx.tar.gz

RUN curl -o /usr/local/bin/gosu -fL "https://github.com/tianon/gosu/releases/download/1.17/gosu-amd64" \
	&& chmod +x /usr/local/bin/gosu
