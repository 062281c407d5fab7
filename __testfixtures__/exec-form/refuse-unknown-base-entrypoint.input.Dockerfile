FROM hashicorp/terraform:1.7
COPY . /work
WORKDIR /work
CMD terraform plan

FROM ghcr.io/acme/runtime:1.4 AS app
CMD ./serve --port 8080
