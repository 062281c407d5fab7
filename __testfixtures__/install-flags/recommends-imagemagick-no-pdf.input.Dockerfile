FROM debian:bookworm AS icons
RUN apt-get update && apt-get install -y imagemagick
COPY logo.svg /icons/
RUN convert /icons/logo.svg -resize 64x64 /icons/logo-64.png

FROM nginx:1.27
COPY --from=icons /icons /usr/share/nginx/html/icons
