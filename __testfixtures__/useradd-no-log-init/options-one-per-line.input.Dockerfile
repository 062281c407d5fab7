FROM debian:bookworm-slim
RUN set -eux; \
	groupadd --gid 200000 --system haproxy; \
	useradd \
		--gid haproxy \
		--home-dir /var/lib/haproxy \
		--no-create-home \
		--system \
		--uid 200000 \
		haproxy \
	; \
	useradd \
		-r -u 100001 -g haproxy backup; \
	mkdir /var/lib/haproxy; \
	chown haproxy:haproxy /var/lib/haproxy
USER haproxy
CMD ["haproxy", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
