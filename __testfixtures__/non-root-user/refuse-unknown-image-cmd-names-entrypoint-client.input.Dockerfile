FROM postgres:16-bookworm
COPY dump.sh /usr/local/bin/dump.sh
CMD ["docker-entrypoint.sh", "dump.sh"]
