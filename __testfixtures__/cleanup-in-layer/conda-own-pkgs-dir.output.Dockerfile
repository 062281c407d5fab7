FROM continuumio/miniconda3:24.7.1-0
RUN CONDA_PKGS_DIRS=/tmp/pkgs conda install -y flask && rm -rf /tmp/pkgs
