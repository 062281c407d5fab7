FROM debian:bookworm-slim
WORKDIR /opt/app
COPY bin/app /opt/app/bin/app
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
CMD ["serve"]
