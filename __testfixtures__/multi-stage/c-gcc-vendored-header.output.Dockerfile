FROM gcc:13 AS build
WORKDIR /usr/src/stats
COPY . .
RUN make && make install PREFIX=/usr/local

FROM debian:bookworm-slim
WORKDIR /usr/src/stats
COPY --from=build /usr/local/bin/stats /usr/local/bin/stats
CMD ["stats"]
