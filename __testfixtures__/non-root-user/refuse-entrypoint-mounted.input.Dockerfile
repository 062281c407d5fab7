FROM alpine:3.20
RUN apk add --no-cache bash openssl samba-dc

# /init.sh is bind-mounted by the compose file: what it runs is not in the build.
CMD ["/init.sh", "setup"]
