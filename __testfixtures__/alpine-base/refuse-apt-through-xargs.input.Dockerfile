FROM python:3.12-slim
COPY packages.txt /tmp/packages.txt
# the packages come from a file: apt-get would stay, run by xargs on Alpine
RUN apt-get update && xargs -a /tmp/packages.txt apt-get install -y && rm -rf /var/lib/apt/lists/*
COPY app.py .
CMD ["python", "app.py"]
