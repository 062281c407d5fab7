FROM rockylinux:9-minimal
RUN microdnf install -y python3 && microdnf clean all
WORKDIR /app
COPY app.py .
RUN microdnf install -y shadow-utils && \
    microdnf clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["python3", "app.py"]
