FROM alpine:3.20

# rclone in /usr/bin; /usr/local/bin stays free for plugin wrappers
COPY rclone /usr/bin/rclone

RUN mkdir -p /data/config /data/cache /mnt \
 && apk --no-cache add ca-certificates fuse3 tzdata \
 && echo "user_allow_other" >> /etc/fuse.conf

ENV RCLONE_CONFIG=/data/config/rclone.conf
WORKDIR /data
ENTRYPOINT ["rclone", "serve", "docker"]
