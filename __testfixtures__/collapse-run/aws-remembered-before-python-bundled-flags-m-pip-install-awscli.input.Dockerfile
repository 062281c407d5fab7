FROM python:3.12
RUN apt-get update && apt-get install -y awscli && aws --version
RUN python3 -Im pip install --no-cache-dir awscli && aws s3 ls
