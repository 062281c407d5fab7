# A RUN copies a folder's contents over the entrypoint's folder: which files it writes is not named.
FROM python:3.12-slim-bookworm
WORKDIR /app
COPY entrypoint.sh ./
RUN cp -r /usr/share/app-template/. /app/
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["gunicorn", "app:app"]
