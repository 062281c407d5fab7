FROM nginx:1.27-alpine
RUN apk add --no-cache openssl
COPY default.conf /etc/nginx/conf.d/
RUN mkdir -p /etc/nginx/certs
ENTRYPOINT \
  openssl req -x509 -nodes -newkey rsa:2048 \
    -subj '/CN=localhost' \
    -keyout /etc/nginx/certs/local.key \
    -out /etc/nginx/certs/local.crt && \
  nginx -g 'daemon off;'
