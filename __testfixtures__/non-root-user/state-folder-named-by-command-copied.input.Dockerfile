FROM python:3.11-slim-bookworm

RUN mkdir /srv/site
COPY site /srv/site

CMD ["python", "-m", "http.server", "8000", "--directory", "/srv/site"]
