FROM python:3.12-slim
RUN pip install --no-cache-dir poetry==1.8.3
WORKDIR /srv
COPY pyproject.toml poetry.lock ./
RUN poetry config virtualenvs.create false \
    && poetry install --no-root --without dev
COPY . .
RUN poetry install --only-root
CMD ["flask", "--app", "svc", "run", "--host", "0.0.0.0"]
