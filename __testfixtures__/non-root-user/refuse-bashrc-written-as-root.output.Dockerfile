FROM continuumio/miniconda3:24.1.2-0
WORKDIR /app
COPY environment.yml .
RUN conda env create -f environment.yml && conda clean -afy
# activate the environment in every shell
RUN echo "conda activate myenv" >> ~/.bashrc
COPY . .
EXPOSE 5000
CMD ["bash", "-ic", "python app.py"]
