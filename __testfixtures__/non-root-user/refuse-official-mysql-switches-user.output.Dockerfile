FROM mysql:8.4
ENV MYSQL_DATABASE=shop
COPY my.cnf /etc/mysql/conf.d/shop.cnf
COPY schema.sql /docker-entrypoint-initdb.d/
EXPOSE 3306
