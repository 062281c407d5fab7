FROM ubuntu:22.04
RUN apt-get update && \
    apt-get install -y --no-install-recommends python3-pip && \
    rm -rf /var/lib/apt/lists/*
COPY requirements.txt /work/
RUN pip install --no-cache-dir -r /work/requirements.txt
COPY runtime.sh serve.py /work/
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["/work/runtime.sh"]
