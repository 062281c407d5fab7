FROM python:3.11-bookworm
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        tini \
    && rm -rf /var/lib/apt/lists/*
RUN git clone https://github.com/example/tool.git /opt/tool
ENTRYPOINT ["tini", "--"]
CMD ["python", "/opt/tool/main.py"]
