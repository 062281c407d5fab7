FROM debian:bookworm AS docs
RUN apt-get update && apt-get install --no-install-recommends -y imagemagick ghostscript
COPY docs /docs
RUN convert -density 150 /docs/manual.pdf[0] /docs/cover.png

FROM nginx:1.27
COPY --from=docs /docs /usr/share/nginx/html
