FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends \
		python3 \
	&& rm -rf /var/lib/apt/lists/*
COPY serve.py /opt/serve.py
RUN groupadd --system --gid 10001 app \
	&& useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["python3", "/opt/serve.py"]
