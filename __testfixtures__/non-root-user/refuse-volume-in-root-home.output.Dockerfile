FROM ubuntu:24.04
COPY --from=ghcr.io/example/notes:1.2 /usr/local/bin/notes /usr/local/bin/notes
VOLUME /root/.notes
EXPOSE 8080
ENTRYPOINT ["notes", "serve"]
