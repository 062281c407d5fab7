FROM python:3.11-slim-bookworm

RUN mkdir /srv/site
COPY site /srv/site
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001

CMD ["python", "-m", "http.server", "8000", "--directory", "/srv/site"]
