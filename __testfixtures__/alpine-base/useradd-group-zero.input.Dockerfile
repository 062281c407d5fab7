FROM python:3.12-slim-bookworm
RUN useradd -r -u 1001 -g 0 -M app
COPY app.sh /app.sh
USER 1001
CMD ["/app.sh"]
