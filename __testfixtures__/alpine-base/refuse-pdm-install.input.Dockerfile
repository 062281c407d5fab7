FROM python:3.12-slim
WORKDIR /app
RUN pip install --no-cache-dir pdm
COPY pyproject.toml pdm.lock ./
RUN pdm install --prod --no-editable
COPY src ./src
CMD ["pdm", "run", "uvicorn", "svc.main:app", "--host", "0.0.0.0"]
