FROM alpine:3.20
COPY shiori /usr/bin/shiori
RUN apk add --no-cache ca-certificates tzdata && \
    chmod +x /usr/bin/shiori

ENV SHIORI_DIR=/shiori
WORKDIR ${SHIORI_DIR}
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app && chown -R 10001:10001 /shiori
USER 10001:10001

EXPOSE 8080
ENTRYPOINT ["/usr/bin/shiori"]
CMD ["server"]
