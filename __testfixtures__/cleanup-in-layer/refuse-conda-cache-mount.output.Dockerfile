FROM mambaorg/micromamba:1.5.8
RUN --mount=type=cache,target=/opt/conda/pkgs,uid=57439 micromamba install -y -n base -c conda-forge python=3.12
