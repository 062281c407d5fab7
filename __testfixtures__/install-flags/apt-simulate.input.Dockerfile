FROM debian:bookworm-slim
RUN set -eux; \
	apt-get update; \
	apt-get install -y postgresql-common; \
	if apt-get install -s "postgresql-16-jit" > /dev/null 2>&1; then \
		apt-get install -y "postgresql-16-jit"; \
	fi; \
	apt-get --dry-run install -y postgresql-contrib; \
	apt-get -o APT::Get::Simulate=true install -y postgresql-doc; \
	apt-get -o Dpkg::Use-Pty=0 install -y postgresql-client; \
	apt-get -o APT::Get::Simulate=true -o APT::Get::Simulate=false install -y postgresql-client-common; \
	rm -rf /var/lib/apt/lists/*
