FROM cgr.dev/chainguard/python:latest AS run
USER root
COPY --from=ghcr.io/acme/venv:1.2 /venv /venv
COPY app.py /app/app.py
VOLUME /data
ENTRYPOINT ["/venv/bin/python", "/app/app.py"]
