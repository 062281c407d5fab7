FROM debian:bookworm-slim
COPY fetch.sh /usr/local/bin/fetch
# Keep these RUNs separate: each download is cached on its own
RUN fetch https://example.com/models/small.bin /models/small.bin
RUN fetch https://example.com/models/large.bin /models/large.bin
CMD ["/usr/local/bin/serve"]
