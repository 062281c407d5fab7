FROM python:3.12-slim
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
# Runs as an arbitrary uid in the root group on OpenShift
RUN useradd --system --uid 1001 app \
    && chown -R app:root /app \
    && chmod -R g=u /app
USER 1001:0
EXPOSE 8080
CMD ["gunicorn", "--bind", "0.0.0.0:8080", "app:app"]
