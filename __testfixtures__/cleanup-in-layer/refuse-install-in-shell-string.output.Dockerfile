FROM debian:bookworm-slim
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN bash -c "apt-get update && apt-get install -y --no-install-recommends ca-certificates curl"
# As discourse's image does: the command string is bash's, run as another user.
RUN sudo -u www-data /bin/bash -c "cd /srv/app && npm ci --omit=dev"
COPY entrypoint.sh /usr/local/bin/entrypoint.sh
ENTRYPOINT ["/usr/local/bin/entrypoint.sh"]
