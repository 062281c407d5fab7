FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends python3
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
COPY setup.sh /usr/local/bin/setup.sh
ENTRYPOINT ["entrypoint.sh"]
CMD ["python3", "-m", "http.server"]
