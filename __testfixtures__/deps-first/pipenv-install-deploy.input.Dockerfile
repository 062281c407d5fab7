FROM python:3.12-slim
RUN pip install --no-cache-dir pipenv
WORKDIR /srv
# the whole project, then its locked packages into the system interpreter
COPY . .
RUN pipenv install --system --deploy
CMD ["gunicorn", "app.wsgi"]
