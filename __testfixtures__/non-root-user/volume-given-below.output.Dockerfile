FROM python:3.12-slim
WORKDIR /code
COPY . /code/
# the media folders are made, then given to the user with their parent: the VOLUME needs nothing more
RUN mkdir -p /code/media/images /code/media/original_images && chown -R 1000:2000 /code/media
USER 1000:2000
VOLUME ["/code/media/images/"]
CMD ["gunicorn", "app.wsgi", "--bind", "0.0.0.0:8000"]
