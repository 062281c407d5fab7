FROM alpine:3.20
RUN apk add --no-cache libgcc tini
COPY meilisearch /bin/meilisearch

# The server keeps its data where it starts.
WORKDIR /meili_data
RUN addgroup -S -g 10001 app && \
    adduser -S -D -u 10001 -G app app && \
    chown -R 10001:10001 /meili_data
USER 10001:10001

EXPOSE 7700/tcp
ENTRYPOINT ["tini", "--"]
CMD ["/bin/meilisearch"]
