ARG base
FROM ${base}

ARG python=3.11
ENV PYTHON_VERSION=${python}

RUN pymanager install %PYTHON_VERSION%

RUN py -%PYTHON_VERSION% -m pip install -U pip setuptools

COPY requirements.txt C:/app/
RUN py -%PYTHON_VERSION% -m pip install -r C:/app/requirements.txt
