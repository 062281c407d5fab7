FROM debian:bookworm AS docs
ARG COVER_SOURCE
RUN apt-get update && apt-get install -y imagemagick
COPY docs /docs
RUN convert "/docs/$COVER_SOURCE" /docs/cover.png

FROM nginx:1.27
COPY --from=docs /docs /usr/share/nginx/html
