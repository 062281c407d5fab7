FROM continuumio/miniconda3:24.5.0-0
WORKDIR /app
COPY environment.yml .
RUN conda env update -n base -f environment.yml && conda clean -afy
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["python", "serve.py"]
