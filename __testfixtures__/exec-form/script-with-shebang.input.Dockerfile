FROM debian:bookworm-slim AS tool
COPY bin/tool /usr/local/bin/tool
CMD tool --serve

FROM python:3.12-slim
WORKDIR /app
COPY start.sh app.py ./
CMD ./start.sh
