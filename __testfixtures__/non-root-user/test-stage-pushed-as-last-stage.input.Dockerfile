FROM python:3.12-slim AS app
WORKDIR /srv
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
CMD ["python", "-m", "worker"]

FROM app AS test
RUN pip install --no-cache-dir pytest
RUN python -m pytest -q
