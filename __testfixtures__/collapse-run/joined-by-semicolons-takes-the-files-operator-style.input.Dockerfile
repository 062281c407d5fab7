FROM debian:12-slim
RUN apt-get update \
	&& apt-get install -y --no-install-recommends curl \
	&& rm -rf /var/lib/apt/lists/*
COPY app /usr/local/bin/app
RUN groupadd -r app && useradd -l -r -g app app
RUN set -ex; \
	mkdir -p /data; \
	chown app /data
CMD ["app"]
