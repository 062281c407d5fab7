FROM alpine:3.20
RUN apk update && \
    apk upgrade && \
    apk add --no-cache gcompat bash && \
    apk cache clean
CMD ["/opt/app/run"]
