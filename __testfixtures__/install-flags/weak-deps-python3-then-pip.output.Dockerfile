FROM registry.access.redhat.com/ubi9/ubi-minimal:9.4
COPY requirements.txt /app/
RUN microdnf -y install --setopt=install_weak_deps=0 python3 python3-devel gcc python3-pip && \
    microdnf clean all
RUN pip3 install --no-cache-dir -r /app/requirements.txt
CMD ["python3", "-m", "app"]
