FROM python:3.12-slim
RUN pip install --no-cache-dir kubernetes
COPY kubeconfig /root/.kube/config
COPY job.py /job.py
CMD ["python", "/job.py"]
