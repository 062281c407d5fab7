FROM nvidia/cuda:latest
RUN apt-get update && apt-get install -y --no-install-recommends python3 \
	&& rm -rf /var/lib/apt/lists/*
COPY serve.py /opt/serve.py
CMD ["python3", "/opt/serve.py"]
