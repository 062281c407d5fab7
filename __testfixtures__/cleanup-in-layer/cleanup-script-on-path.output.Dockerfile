FROM continuumio/miniconda3:24.1.2-0

COPY resources/scripts/clean-layer.sh /usr/bin/clean-layer.sh
RUN chmod a+rx /usr/bin/clean-layer.sh

RUN apt-get update && \
    apt-get install -y --no-install-recommends nodejs npm && \
    npm install -g configurable-http-proxy && \
    conda install -y -c conda-forge jupyterhub && \
    # Cleanup
    clean-layer.sh

RUN apt-get update && \
    apt-get install -y --no-install-recommends git && \
    cleanup.sh && \
    rm -rf /var/lib/apt/lists/*

CMD ["jupyterhub"]
