FROM envoyproxy/envoy:distroless-v1.31.2
COPY envoy.yaml /etc/envoy/envoy.yaml
