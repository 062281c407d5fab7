FROM python:3.12
RUN apt-get update && apt-get install -y awscli && aws --version && \
    python3 -X dev -W ignore -Im uv pip install --system httpie && aws s3 ls
