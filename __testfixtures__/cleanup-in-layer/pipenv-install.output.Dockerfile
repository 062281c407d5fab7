FROM python:3.12-slim
WORKDIR /app
COPY Pipfile Pipfile.lock ./
RUN pip install --no-cache-dir pipenv \
    && pipenv install --system --deploy \
    && rm -rf ~/.cache/pipenv
RUN python -m pipenv sync --dev && rm -rf ~/.cache/pipenv
ENV PIPENV_CACHE_DIR=/opt/pipenv-cache
RUN pipenv install --deploy --ignore-pipfile && rm -rf /opt/pipenv-cache
# Already cleaned, and commands that download nothing.
RUN pipenv install --system && rm -rf /root/.cache
RUN pipenv requirements > requirements.txt && pipenv run python -V
COPY . .
CMD ["pipenv", "run", "gunicorn", "app:app"]
