FROM python:3.12
ARG VENV_ROOT
ARG VENV_NAME
RUN python -m venv "${VENV_ROOT}/${VENV_NAME}"
WORKDIR /app
COPY app.py .
RUN "${VENV_ROOT}/${VENV_NAME}/bin/python" -m pip install --no-cache-dir flask==3.0.3
CMD ["python", "app.py"]
