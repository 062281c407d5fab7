FROM ubuntu:22.04
RUN apt-get update && \
    apt-get install -y --no-install-recommends python3-pip ffmpeg && \
    rm -rf /var/lib/apt/lists/*
COPY requirements.txt /work/
RUN pip install --no-cache-dir -r /work/requirements.txt
COPY runtime.sh /work/
WORKDIR /work/project
CMD ["/work/runtime.sh"]
