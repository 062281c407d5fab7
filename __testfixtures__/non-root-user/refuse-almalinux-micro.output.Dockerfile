FROM almalinux:9-micro
COPY bin/server /usr/local/bin/server
CMD ["/usr/local/bin/server"]
