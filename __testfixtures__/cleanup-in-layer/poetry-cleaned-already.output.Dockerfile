FROM python:3.12-slim
ENV POETRY_VIRTUALENVS_CREATE=false
COPY . /app
RUN pip install --no-cache-dir poetry && cd /app && poetry install --only main && rm -rf /root/.cache/pypoetry
CMD ["python", "/app/main.py"]
