FROM almalinux:9
RUN dnf install -y nodejs && dnf clean all
WORKDIR /srv
COPY server.js .
CMD ["node", "server.js"]
