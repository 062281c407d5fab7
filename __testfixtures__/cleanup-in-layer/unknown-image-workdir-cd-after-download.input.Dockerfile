FROM registry.example.com/platform/go-builder:1.22
# The image sets its own WORKDIR, which the knowledge base does not know.
RUN wget -q https://github.com/golang-migrate/migrate/releases/download/v4.17.0/migrate.linux-amd64.tar.gz \
    && tar -xzf migrate.linux-amd64.tar.gz -C /usr/local/bin migrate \
    && cd /tmp && migrate -version
CMD ["migrate"]
