FROM python:3.12-slim
WORKDIR /app
COPY . .
# The version is read with a lookbehind, which only GNU grep knows.
RUN grep -oP '(?<=^version = ")[^"]+' pyproject.toml > VERSION
CMD ["python", "-m", "app"]
