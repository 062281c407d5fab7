FROM ubuntu:jammy
RUN groupadd -r mysql && useradd -r -g mysql mysql --home-dir /var/lib/mysql
# bashbrew-architectures: amd64 arm64v8 ppc64le s390x
RUN mkdir /docker-entrypoint-initdb.d
