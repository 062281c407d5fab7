ARG SOURCE=remote
FROM alpine:3.20 AS base
RUN apk add --no-cache bash curl
COPY --chmod=0755 start.sh /usr/bin/start.sh

FROM base AS remote-install
RUN curl -fsSL https://example.com/server -o /usr/bin/server

FROM base AS local-install
COPY --chmod=0755 server /usr/bin/server

# Use the install stage the SOURCE build argument names
FROM ${SOURCE}-install AS final
ENTRYPOINT ["start.sh"]
