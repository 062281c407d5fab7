FROM docker.io/example/app-base:1

COPY ./container/ ./

ENTRYPOINT ["/usr/local/app/entrypoint.sh"]
