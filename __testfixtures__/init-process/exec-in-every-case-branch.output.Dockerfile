FROM debian:bookworm-slim
COPY ./entrypoint.sh /
COPY wait-for-db.py /usr/local/bin/wait-for-db.py
ENTRYPOINT ["/entrypoint.sh"]
CMD ["server"]
