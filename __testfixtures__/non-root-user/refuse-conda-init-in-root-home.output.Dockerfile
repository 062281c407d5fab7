FROM continuumio/miniconda3:24.1.2-0
WORKDIR /app
COPY environment.yml .
RUN conda env create -f environment.yml && conda clean -afy
# set conda up in every shell
RUN conda init bash
COPY . .
EXPOSE 5000
CMD ["bash", "-ic", "python app.py"]
