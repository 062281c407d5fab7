# The media folder is given to uid 1000, which has no account: HOME is /, root's, where pip would install instead.
FROM python:3.12-slim
COPY . /code/
RUN mkdir -p /code/media && chown -R 1000:2000 /code/media
COPY docker-entrypoint.sh /docker-entrypoint.sh
ENTRYPOINT ["/docker-entrypoint.sh"]
CMD ["uwsgi", "/code/uwsgi.ini"]
