FROM amazonlinux:2023
RUN dnf install -y python3 python3-pip && dnf clean all
WORKDIR /app
COPY app.py .
CMD ["python3", "app.py"]
