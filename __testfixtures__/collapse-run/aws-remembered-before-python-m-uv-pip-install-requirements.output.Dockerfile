FROM python:3.12
RUN ( apt-get update && apt-get install -y awscli && aws --version ) && \
    python -m uv pip install --system -r requirements.txt && aws s3 ls
