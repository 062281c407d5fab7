FROM gcc:13 AS build
WORKDIR /usr/src/stats
COPY . .
RUN gcc -O2 -o stats stats.c -lm && cp stats /usr/local/bin/

FROM debian:bookworm-slim
WORKDIR /usr/src/stats
COPY --from=build /usr/local/bin/stats /usr/local/bin/stats
CMD ["stats"]
