FROM continuumio/miniconda3:24.7.1-0
WORKDIR /src
COPY make-test-env.sh .
RUN conda create -y -n app python=3.12 pytest
RUN ./make-test-env.sh
