FROM cgr.dev/chainguard/git:latest-root-dev
COPY sync.sh /usr/local/bin/sync.sh
ENTRYPOINT ["/usr/local/bin/sync.sh"]
