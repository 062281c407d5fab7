FROM mambaorg/micromamba:1.5.8
COPY --chown=$MAMBA_USER:$MAMBA_USER env.yaml /tmp/env.yaml
RUN micromamba install -y -n base -f /tmp/env.yaml \
    && micromamba create -y -n tools -c conda-forge jq \
    && micromamba clean --all --yes
ARG MAMBA_DOCKERFILE_ACTIVATE=1
CMD ["python"]
