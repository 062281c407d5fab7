FROM continuumio/miniconda3:24.5.0-0
WORKDIR /app
COPY environment.yml .
RUN conda env update -n base -f environment.yml && conda clean -afy
COPY . .
CMD ["python", "serve.py"]
