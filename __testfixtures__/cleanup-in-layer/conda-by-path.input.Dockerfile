FROM debian:bookworm-slim
RUN set -eux; \
    curl -fsSL -o /tmp/miniconda.sh https://repo.anaconda.com/miniconda/Miniconda3-py312_24.7.1-0-Linux-x86_64.sh; \
    bash /tmp/miniconda.sh -b -p /opt/conda; \
    rm /tmp/miniconda.sh; \
    /opt/conda/bin/conda install -y python=3.12
ENV PATH=/opt/conda/bin:$PATH
