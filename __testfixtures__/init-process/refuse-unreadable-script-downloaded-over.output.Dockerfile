# A RUN downloads a file to the entrypoint's path after the COPY: the image holds what it fetched.
FROM python:3.12-slim-bookworm
COPY entrypoint.sh /entrypoint.sh
RUN curl -fsSLo /entrypoint.sh https://example.com/entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
CMD ["gunicorn", "app:app"]
