# A RUN unpacks an archive in the entrypoint's folder: what it holds is not named.
FROM python:3.12-slim-bookworm
WORKDIR /app
COPY entrypoint.sh ./
RUN unzip /tmp/release.zip
ENTRYPOINT ["/app/entrypoint.sh"]
CMD ["gunicorn", "app:app"]
