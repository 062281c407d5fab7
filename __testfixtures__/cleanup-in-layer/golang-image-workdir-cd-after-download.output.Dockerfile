FROM golang:1.22
# golang's WORKDIR is /go: the archive is downloaded there, before the cd.
RUN wget -q https://github.com/golang-migrate/migrate/releases/download/v4.17.0/migrate.linux-amd64.tar.gz \
    && tar -xzf migrate.linux-amd64.tar.gz -C /usr/local/bin migrate \
    && cd /tmp && migrate -version \
    && rm -f /go/migrate.linux-amd64.tar.gz
CMD ["migrate"]
