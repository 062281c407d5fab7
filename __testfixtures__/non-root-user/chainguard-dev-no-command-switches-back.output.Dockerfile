FROM cgr.dev/chainguard/nginx:latest-dev
USER root
RUN apk add --no-cache curl
COPY default.conf /etc/nginx/conf.d/default.conf
COPY site/ /usr/share/nginx/html/
USER 65532:65532
EXPOSE 8080
