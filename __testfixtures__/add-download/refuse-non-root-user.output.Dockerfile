FROM python:3.12
RUN useradd --no-log-init -m app
ADD --chown=app:app https://example.com/data.tar.gz /home/app/
USER app
RUN tar -xzf /home/app/data.tar.gz -C /home/app && rm /home/app/data.tar.gz
