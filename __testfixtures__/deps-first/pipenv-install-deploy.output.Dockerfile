FROM python:3.12-slim
RUN pip install --no-cache-dir pipenv
WORKDIR /srv
COPY Pipfile Pipfile.lock ./
RUN pipenv install --system --deploy
# the whole project, then its locked packages into the system interpreter
COPY . .
CMD ["gunicorn", "app.wsgi"]
