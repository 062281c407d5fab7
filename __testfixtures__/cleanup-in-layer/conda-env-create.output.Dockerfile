FROM continuumio/miniconda3:24.7.1-0
COPY environment.yml /tmp/environment.yml
RUN conda env create -n app -f /tmp/environment.yml && conda clean -afy
CMD ["conda", "run", "-n", "app", "flask", "run"]
