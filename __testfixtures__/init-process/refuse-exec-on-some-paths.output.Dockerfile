FROM python:3.12-slim-bookworm
COPY start /app/bin/start
ENTRYPOINT ["/app/bin/start"]
CMD ["runserver"]
