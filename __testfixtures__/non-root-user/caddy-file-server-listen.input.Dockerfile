FROM caddy:2.11-alpine
COPY public/ /srv/
CMD ["caddy", "file-server", "--root", "/srv", "--listen", ":8080"]
