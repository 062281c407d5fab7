FROM mcr.microsoft.com/devcontainers/python:3.12

# Tools for working on the project
RUN apt-get update && export DEBIAN_FRONTEND=noninteractive \
    && apt-get -y install git vim postgresql-client \
    && rm -rf /var/lib/apt/lists/*

RUN pip install pre-commit
