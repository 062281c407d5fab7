FROM nginx:1.27-alpine
COPY dist/ /usr/share/nginx/html/
RUN <<EOT
    set -ex
    cd /usr/share/nginx/html
    find . -type f -name '*.js' -exec gzip -9 -k {} \;
EOT
RUN apk add --no-cache curl && \
    rm -f /etc/nginx/conf.d/default.conf
COPY nginx.conf /etc/nginx/conf.d/site.conf
