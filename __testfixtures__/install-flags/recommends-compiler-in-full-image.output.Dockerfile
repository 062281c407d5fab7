# The full images build on buildpack-deps: gcc, libc6-dev and make are there before any install
FROM node:22-bookworm
WORKDIR /app
RUN apt-get update && apt-get install --no-install-recommends -y cmake
COPY . .
RUN npm ci && npm run build
CMD ["node", "server.js"]

FROM python:3.12-bookworm
RUN apt-get update && apt-get install --no-install-recommends -y gcc
RUN pip install --no-cache-dir uwsgi
CMD ["uwsgi", "--ini", "app.ini"]

# slim has none of them
FROM python:3.12-slim-bookworm
RUN apt-get update && apt-get install --no-install-recommends -y gcc libc6-dev
RUN pip install --no-cache-dir uwsgi
CMD ["uwsgi", "--ini", "app.ini"]
