FROM scratch
# a tar archive without a tar name is still extracted
ADD rootfs /
ADD s6-overlay-amd64.tar.gz /
ADD --chown=www-data:www-data assets.bundle /srv/
CMD ["/init"]
