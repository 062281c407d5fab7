FROM python:3.12
COPY app.py /app.py
ENTRYPOINT exec python /app.py
CMD ["make", "serve"]
