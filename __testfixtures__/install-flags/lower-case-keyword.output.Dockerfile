from debian:bookworm
run apt-get update && apt-get install --no-install-recommends -y curl ca-certificates
