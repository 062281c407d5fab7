FROM debian:bookworm-slim
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["entrypoint.sh"]
CMD ["myserver", "--port", "8080"]
