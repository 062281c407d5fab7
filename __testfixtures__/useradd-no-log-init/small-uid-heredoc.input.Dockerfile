FROM debian:12-slim
# A small system uid: its log records are a few hundred kilobytes, no reason to refuse.
RUN <<EOF
set -eux
groupadd -r app
useradd -r -g app --uid 999 app
EOF
USER app
