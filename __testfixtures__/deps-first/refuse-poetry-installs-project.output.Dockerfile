FROM python:3.12-slim
RUN pip install --no-cache-dir poetry==1.8.3
WORKDIR /srv
COPY . .
RUN poetry config virtualenvs.create false \
    && poetry install --without dev
CMD ["flask", "--app", "svc", "run", "--host", "0.0.0.0"]
