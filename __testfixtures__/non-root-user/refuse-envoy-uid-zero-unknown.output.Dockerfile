FROM envoyproxy/envoy:v1.31.2
ENV ENVOY_UID=0
COPY envoy.yaml /etc/envoy/envoy.yaml
