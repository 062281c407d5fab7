FROM mysql:8.4
COPY my.cnf /etc/mysql/conf.d/platform.cnf
CMD ["/usr/local/bin/docker-entrypoint.sh", "mysqld"]
