FROM python:3.12
RUN ( apt-get update && apt-get install -y awscli && aws --version ) && \
    /usr/local/bin/pip install awscli && aws s3 ls
