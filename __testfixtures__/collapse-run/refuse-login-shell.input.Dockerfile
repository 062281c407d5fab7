FROM continuumio/miniconda3
SHELL ["/bin/bash", "--login", "-c"]
RUN conda init bash
RUN conda activate base && python --version
