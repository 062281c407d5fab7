FROM debian:bookworm-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends openresty \
    && rm -rf /var/lib/apt/lists/*
COPY nginx.conf /usr/local/openresty/nginx/conf/nginx.conf
CMD ["/usr/local/openresty/bin/openresty", "-g", "daemon off;"]
