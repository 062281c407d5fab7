FROM alpine:3.24 AS tini
RUN apk add --no-cache tini-static

FROM nginx:1.27-alpine
COPY --from=tini /sbin/tini-static /sbin/tini
RUN apk add --no-cache openssl
COPY default.conf /etc/nginx/conf.d/
RUN mkdir -p /etc/nginx/certs
ENTRYPOINT ["/sbin/tini", "--", "/bin/sh", "-c", "openssl req -x509 -nodes -newkey rsa:2048     -subj '/CN=localhost'     -keyout /etc/nginx/certs/local.key     -out /etc/nginx/certs/local.crt &&   nginx -g 'daemon off;'"]
