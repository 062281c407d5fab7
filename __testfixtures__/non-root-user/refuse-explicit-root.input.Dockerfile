FROM python:3.12-slim
RUN useradd --create-home builder
USER builder
WORKDIR /home/builder
RUN pip install --user --no-cache-dir httpie
USER root
CMD ["python", "-m", "http.server", "8080"]
