FROM gcc:13 AS build
WORKDIR /usr/src/stats
COPY . .
RUN gcc -O2 -o /opt/build/stats stats.c -lm \
    && install -s -m 0755 -t /usr/local/bin /opt/build/stats

FROM debian:bookworm-slim
WORKDIR /usr/src/stats
COPY --from=build /usr/local/bin/stats /usr/local/bin/stats
CMD ["stats"]
