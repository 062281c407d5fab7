FROM envoyproxy/envoy:v1.31.2
RUN apt-get update && apt-get install -y --no-install-recommends gettext-base && rm -rf /var/lib/apt/lists/*
COPY envoy.yaml.tmpl /etc/envoy/envoy.yaml.tmpl
CMD ["sh", "-c", "envsubst < /etc/envoy/envoy.yaml.tmpl > /etc/envoy/envoy.yaml && exec envoy -c /etc/envoy/envoy.yaml"]
