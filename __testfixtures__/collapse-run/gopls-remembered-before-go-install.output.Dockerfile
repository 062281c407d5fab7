FROM golang:1.22
RUN ( apt-get update && apt-get install -y gopls && gopls version ) && \
    go install golang.org/x/tools/gopls@latest && gopls version
