FROM python:3.10-alpine

RUN pip3 install --no-cache-dir bandit

COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["sh", "/entrypoint.sh"]
