FROM debian:bookworm
ENV PGDATA=/var/lib/postgresql/data
RUN gosu postgres initdb --locale=C
COPY start.sh /start.sh
ENTRYPOINT ["/start.sh"]
