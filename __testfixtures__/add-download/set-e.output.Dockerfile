FROM golang:1.22-bookworm
RUN set -eux; \
	curl -fsSL -o /tmp/lint.tgz https://github.com/golangci/golangci-lint/releases/download/v1.57.2/golangci-lint-1.57.2-linux-amd64.tar.gz; \
	tar -xzf /tmp/lint.tgz -C /usr/local/bin --strip-components=1; \
	rm /tmp/lint.tgz; \
	golangci-lint --version
