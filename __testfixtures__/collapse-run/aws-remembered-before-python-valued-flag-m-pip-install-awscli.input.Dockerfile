FROM python:3.12
RUN apt-get update && apt-get install -y awscli && aws --version
RUN python -W ignore -m pip install --no-cache-dir awscli && aws s3 ls
