FROM python:3.12-slim
WORKDIR /app
COPY data/ /var/lib/app/
RUN ./make-account.sh && chown -R app /srv
COPY app.py .
CMD ["python", "app.py"]
