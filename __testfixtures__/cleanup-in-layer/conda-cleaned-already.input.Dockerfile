FROM quay.io/jupyter/base-notebook:2024-07-29
RUN mamba install --yes flake8 && \
    mamba clean --all -f -y && \
    fix-permissions "${CONDA_DIR}" && \
    fix-permissions "/home/${NB_USER}"
