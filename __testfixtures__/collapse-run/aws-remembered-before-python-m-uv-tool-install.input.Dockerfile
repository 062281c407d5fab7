FROM python:3.12
RUN apt-get update && apt-get install -y awscli && aws --version
RUN python -m uv tool install awscli && aws s3 ls
