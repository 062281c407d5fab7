FROM debian:bookworm AS build
RUN apt-get update && apt-get install -y dumb-init
COPY start.sh /src/start.sh

FROM debian:bookworm
COPY --from=build /usr/bin/dumb-init /usr/bin/dumb-init
COPY --from=build /src/start.sh /start.sh
CMD ["/start.sh"]
