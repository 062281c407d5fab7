FROM python:3.12-alpine
RUN apk add --no-cache --virtual .build-deps gcc musl-dev libffi-dev \
    && pip install --no-cache-dir cryptography \
    && apk del .build-deps
RUN apk --update add --no-cache bash
RUN apk add --no-cache tini
