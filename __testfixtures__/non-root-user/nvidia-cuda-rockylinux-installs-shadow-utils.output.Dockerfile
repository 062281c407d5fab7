FROM nvidia/cuda:12.3.2-runtime-rockylinux9
RUN dnf install -y python3 python3-pip && dnf clean all
WORKDIR /app
COPY serve.py .
RUN dnf install -y shadow-utils && \
    dnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["python3", "serve.py"]
