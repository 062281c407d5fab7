FROM almalinux:9
RUN dnf install -y nodejs && dnf clean all
WORKDIR /srv
COPY server.js .
RUN dnf install -y shadow-utils && \
    dnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["node", "server.js"]
