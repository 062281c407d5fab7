FROM python:3.12-slim-bookworm
WORKDIR /app/backend
COPY ./backend .
CMD [ "bash", "start.sh"]
