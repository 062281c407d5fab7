FROM continuumio/miniconda3:24.7.1-0
RUN conda create -y -n app python=3.12 flask
RUN conda create -y -n app2 --offline python=3.12 flask
