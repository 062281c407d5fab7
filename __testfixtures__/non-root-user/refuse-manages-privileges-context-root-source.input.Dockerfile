FROM debian:bookworm-slim

COPY --chmod=755 /scripts/dist/ /scripts/
COPY app /usr/local/bin/app

ENTRYPOINT ["/scripts/entrypoint.sh"]
CMD ["app", "start"]
