FROM python:3.12-slim
# A group of its own name: the stage makes it, so Alpine's lacking it does not matter.
RUN groupadd --system staff && useradd --system --gid staff app
RUN mkdir -p /srv/uploads && chown app:staff /srv/uploads
USER app
CMD ["python", "-m", "http.server"]
