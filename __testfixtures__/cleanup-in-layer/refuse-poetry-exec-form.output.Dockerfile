FROM python:3.12-slim
ENV POETRY_VIRTUALENVS_CREATE=false
COPY . /app
WORKDIR /app
RUN pip install --no-cache-dir poetry
RUN ["poetry", "install", "--only", "main"]
CMD ["python", "-m", "app"]
