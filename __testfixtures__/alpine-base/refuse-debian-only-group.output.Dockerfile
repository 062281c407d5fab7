FROM python:3.12-slim
RUN useradd --create-home app
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
# The shared upload folder belongs to staff, whose members may write it.
RUN mkdir -p /srv/uploads && chown app:staff /srv/uploads && chmod 2775 /srv/uploads
COPY . .
USER app
CMD ["python", "app.py"]
