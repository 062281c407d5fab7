FROM python:3.12-alpine
# A group of its own name: the stage makes it, so Alpine's lacking it does not matter.
RUN addgroup -S staff && adduser -D -S -H -s /bin/sh -G staff app
RUN mkdir -p /srv/uploads && chown app:staff /srv/uploads
USER app
CMD ["python", "-m", "http.server"]
