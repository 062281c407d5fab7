FROM nvidia/cuda:12.3.2-runtime-rockylinux9
RUN dnf install -y python3 python3-pip && dnf clean all
WORKDIR /app
COPY serve.py .
CMD ["python3", "serve.py"]
