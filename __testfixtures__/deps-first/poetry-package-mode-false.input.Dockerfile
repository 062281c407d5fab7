FROM python:3.12-slim
ENV POETRY_VIRTUALENVS_CREATE=false
RUN pip install --no-cache-dir poetry==1.8.3
WORKDIR /app
COPY . .
RUN poetry install --no-interaction --no-ansi --only main
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
