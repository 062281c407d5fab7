FROM hashicorp/consul:1.19
COPY server.hcl /consul/config/server.hcl
CMD ["agent", "-server", "-bootstrap-expect=1", "-client=0.0.0.0"]
