FROM python:3.12-slim
WORKDIR /app
COPY Pipfile Pipfile.lock ./
RUN --mount=type=cache,target=/root/.cache/pipenv pipenv install --system --deploy
RUN PIPENV_CACHE_DIR=/tmp/pipenv pipenv install --system --deploy
ENV WORKON_HOME=/root/.cache/pipenv/venvs
RUN pipenv install --deploy
ARG CACHE
ENV PIPENV_CACHE_DIR=$CACHE
RUN pipenv install --system --deploy
COPY . .
CMD ["python", "app.py"]
