FROM debian:bookworm-slim
RUN set -eux; \
	apt-get update; \
	apt-get install -y postgresql-common; \
	if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then \
		apt-get install -y "postgresql-16-jit"; \
	fi; \
	apt-get --dry-run install -y postgresql-contrib; \
	rm -rf /var/lib/apt/lists/*
