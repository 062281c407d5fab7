FROM python:3.12
WORKDIR /app
RUN ( apt-get update && apt-get install -y awscli && aws --version ) && \
    uv pip install --system --requirements=/tmp/requirements.txt --find-links ./wheels && aws s3 ls
