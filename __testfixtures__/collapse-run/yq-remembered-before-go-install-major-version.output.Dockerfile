FROM golang:1.22
RUN ( apt-get update && apt-get install -y yq && yq --version ) && \
    go install github.com/mikefarah/yq/v4@latest && yq --version
