# RUNs after the COPY that only change the entrypoint's mode, install a package, or copy another file elsewhere: it is read.
FROM python:3.12-slim-bookworm
COPY entrypoint.sh gunicorn.conf.py /
RUN chmod +x /entrypoint.sh \
 && apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/* \
 && cp /gunicorn.conf.py /etc/
ENTRYPOINT ["/entrypoint.sh"]
CMD ["gunicorn", "app:app"]
