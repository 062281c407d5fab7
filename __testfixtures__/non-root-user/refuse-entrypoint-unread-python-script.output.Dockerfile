FROM python:3.12-slim
RUN pip install --no-cache-dir jinja2
COPY docker/start.py /start.py
COPY docker/conf /conf
EXPOSE 8008
ENTRYPOINT ["/start.py"]
