FROM continuumio/miniconda3:24.7.1-0
RUN conda config --set always_softlink true
RUN conda install -y -c conda-forge numpy
