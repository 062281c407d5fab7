FROM debian:12

# The library's install scripts: Docker in Docker, sshd and a desktop, each with its init script
COPY library-scripts/*.sh /tmp/library-scripts/
RUN bash /tmp/library-scripts/docker-in-docker-debian.sh \
    && bash /tmp/library-scripts/sshd-debian.sh \
    && bash /tmp/library-scripts/desktop-lite-debian.sh \
    && rm -rf /tmp/library-scripts

ENTRYPOINT ["/usr/local/share/docker-init.sh", "/usr/local/share/ssh-init.sh", "/usr/local/share/desktop-init.sh"]
CMD ["sleep", "infinity"]
