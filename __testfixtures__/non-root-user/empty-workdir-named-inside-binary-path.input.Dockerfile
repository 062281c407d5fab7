FROM alpine:3.20
COPY shiori /usr/bin/shiori
RUN apk add --no-cache ca-certificates tzdata && \
    chmod +x /usr/bin/shiori

ENV SHIORI_DIR=/shiori
WORKDIR ${SHIORI_DIR}

EXPOSE 8080
ENTRYPOINT ["/usr/bin/shiori"]
CMD ["server"]
