FROM bitnami/minideb:bookworm
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && \
    install_packages curl procps
COPY agent /usr/local/bin/agent
ENTRYPOINT ["agent"]
