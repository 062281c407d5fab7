FROM continuumio/miniconda3:24.7.1-0
RUN conda install -y -c conda-forge numpy pandas && conda clean -afy
CMD ["python"]
