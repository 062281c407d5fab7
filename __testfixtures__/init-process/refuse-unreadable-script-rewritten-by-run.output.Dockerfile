FROM python:3.11-slim-bookworm AS builder
WORKDIR /app
COPY . .
RUN python -m venv venv && ./venv/bin/pip install --no-cache-dir .

FROM python:3.11-slim-bookworm
ARG root_password=""
ENV ENABLE_SSHD=${root_password:+true}
COPY --from=builder /app /app
WORKDIR /app

# entry point
RUN <<EOF
  cat >'/app/start.sh' <<EOENTRY
#!/bin/sh
if [ "$ENABLE_SSHD" = "true" ]; then
  service ssh start &
fi
/app/venv/bin/gunicorn app:app
EOENTRY
  chmod 755 /app/start.sh
EOF
ENTRYPOINT [ "/app/start.sh" ]
