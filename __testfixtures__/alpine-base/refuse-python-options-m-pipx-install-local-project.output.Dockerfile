FROM python:3.12-slim
RUN pip install --no-cache-dir pipx
COPY tools /tools
RUN python3 -Im pipx install /tools/mycli
CMD ["mycli"]
