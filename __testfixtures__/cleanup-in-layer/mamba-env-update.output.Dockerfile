FROM condaforge/miniforge3:24.3.0-0
COPY environment.yml /tmp/environment.yml
RUN mamba env update -n base -f /tmp/environment.yml && mamba clean -afy
CMD ["flask", "run"]
