FROM python:3.12-slim
COPY --from=ghcr.io/astral-sh/uv:0.4 /uv /bin/uv
WORKDIR /srv
COPY . .
RUN uv pip install --system --no-cache -r requirements.txt
CMD ["uvicorn", "app.main:app", "--host", "0.0.0.0"]
