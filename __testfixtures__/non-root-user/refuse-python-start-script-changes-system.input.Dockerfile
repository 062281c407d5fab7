FROM python:3.12-slim

COPY ./migrate.py /
RUN pip install --no-cache-dir click==8.1.7 \
    && chmod +x /migrate.py

ENTRYPOINT [ "/migrate.py" ]
