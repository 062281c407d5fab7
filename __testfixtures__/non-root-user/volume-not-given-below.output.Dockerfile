FROM python:3.12-slim
WORKDIR /code
COPY . /code/
# /code/media/cache is made after the recursive chown, and /code/media holds the folder it names: both VOLUMEs would stay root's
RUN mkdir -p /code/media/images/thumbs && chown -R 1000:2000 /code/media/images && mkdir -p /code/media/cache
RUN chown 1000:2000 /code/media/cache && chown 1000:2000 /code/media
USER 1000:2000
VOLUME ["/code/media/cache", "/code/media"]
CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]
