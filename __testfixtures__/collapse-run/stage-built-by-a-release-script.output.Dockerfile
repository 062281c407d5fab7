ARG BASE_IMAGE=ubuntu:22.04

FROM ${BASE_IMAGE} AS compile-image
RUN apt-get update && apt-get install -y --no-install-recommends python3-venv && rm -rf /var/lib/apt/lists/*
RUN python3 -m venv /home/venv
COPY requirements.txt .
RUN /home/venv/bin/pip install --no-cache-dir -r requirements.txt

FROM ${BASE_IMAGE} AS production-image
COPY --from=compile-image /home/venv /home/venv
RUN useradd -m model-server && \
    mkdir -p /home/model-server/tmp && chown -R model-server /home/model-server
USER model-server
CMD ["/home/venv/bin/serve"]

FROM ${BASE_IMAGE} AS dev-image
COPY --from=compile-image /home/venv /home/venv
RUN /home/venv/bin/pip install --no-cache-dir pytest && \
    mkdir /home/serve
CMD ["/home/venv/bin/serve"]
