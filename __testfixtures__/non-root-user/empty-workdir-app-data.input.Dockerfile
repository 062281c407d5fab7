FROM alpine:3.20
RUN apk add --no-cache libgcc tini
COPY meilisearch /bin/meilisearch

# The server keeps its data where it starts.
WORKDIR /meili_data

EXPOSE 7700/tcp
ENTRYPOINT ["tini", "--"]
CMD ["/bin/meilisearch"]
