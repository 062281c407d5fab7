FROM python:3.12
RUN pip --version
RUN pip install -U pip
RUN pip --version
