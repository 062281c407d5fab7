FROM alpine:3.20
RUN apk add --no-cache ffmpeg intel-media-driver=24.2.5-r0 libva-utils
COPY transcode.sh /usr/local/bin/transcode.sh
ENTRYPOINT ["/usr/local/bin/transcode.sh"]
