FROM nginx:1.27-alpine
RUN apk add --no-cache openssl
COPY default.conf /etc/nginx/conf.d/
ENTRYPOINT \
  openssl req -x509 -nodes -newkey rsa:2048 \
    -subj '/CN=localhost' \
# a certificate for local use only
    -keyout /etc/nginx/certs/local.key \
    -out /etc/nginx/certs/local.crt && \
  nginx -g 'daemon off;'
