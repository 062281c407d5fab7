FROM python:3.12
RUN apt-get update && apt-get install -y awscli && aws --version
RUN pip install --no-cache-dir awscli==1.33.0 && aws s3 ls
