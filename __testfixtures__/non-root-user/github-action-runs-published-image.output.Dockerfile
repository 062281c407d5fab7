FROM python:3.10-alpine

RUN pip3 install --no-cache-dir bandit

COPY entrypoint.sh /entrypoint.sh
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app
USER 10001:10001
ENTRYPOINT ["sh", "/entrypoint.sh"]
