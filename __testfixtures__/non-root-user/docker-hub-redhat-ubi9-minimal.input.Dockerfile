FROM redhat/ubi9-minimal:9.4
RUN microdnf install -y python3.11 python3.11-pip && microdnf clean all
WORKDIR /opt/app
COPY requirements.txt .
RUN python3.11 -m pip install --no-cache-dir -r requirements.txt
COPY app.py .
EXPOSE 8000
CMD ["python3.11", "app.py"]
