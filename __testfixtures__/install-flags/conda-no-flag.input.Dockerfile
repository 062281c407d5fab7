FROM continuumio/miniconda3:24.7.1-0
RUN conda install -y -c conda-forge numpy && \
    mamba install -y pandas && \
    conda clean -afy
RUN pip install flask
