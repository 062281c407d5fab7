# A runtime image others build on: it ends, as the official python image does, by starting the prompt.
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
		python3 \
		python3-pip \
	&& rm -rf /var/lib/apt/lists/*
CMD ["python3"]
