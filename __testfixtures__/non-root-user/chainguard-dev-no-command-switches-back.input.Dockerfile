FROM cgr.dev/chainguard/nginx:latest-dev
USER root
RUN apk add --no-cache curl
COPY default.conf /etc/nginx/conf.d/default.conf
COPY site/ /usr/share/nginx/html/
EXPOSE 8080
