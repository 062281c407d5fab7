FROM rockylinux:9-minimal
RUN microdnf install -y python3 && microdnf clean all
WORKDIR /app
COPY app.py .
CMD ["python3", "app.py"]
