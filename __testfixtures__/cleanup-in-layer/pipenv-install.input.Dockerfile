FROM python:3.12-slim
WORKDIR /app
COPY Pipfile Pipfile.lock ./
RUN pip install --no-cache-dir pipenv \
    && pipenv install --system --deploy
RUN python -m pipenv sync --dev
ENV PIPENV_CACHE_DIR=/opt/pipenv-cache
RUN pipenv install --deploy --ignore-pipfile
# Already cleaned, and commands that download nothing.
RUN pipenv install --system && rm -rf /root/.cache
RUN pipenv requirements > requirements.txt && pipenv run python -V
COPY . .
CMD ["pipenv", "run", "gunicorn", "app:app"]
