FROM oraclelinux:9-slim

RUN set -eux; \
	microdnf install -y mysql-community-server-minimal; \
	microdnf clean all; \
	mysqld --version

RUN set -eu; \
	{ \
		echo '[mysql-tools-community]'; \
		echo 'enabled=1'; \
	} | tee /etc/yum.repos.d/mysql-tools.repo; \
	microdnf install -y mysql-shell; \
	microdnf clean all

CMD ["mysqld"]
