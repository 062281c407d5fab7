FROM python:3.12-alpine
RUN apk add --no-cache curl gnupg
COPY requirements.txt requirements.txt.asc signing-key.asc /tmp/
RUN gpg --batch --import /tmp/signing-key.asc && \
    gpg --batch --verify /tmp/requirements.txt.asc /tmp/requirements.txt && \
    pip install --no-cache-dir -r /tmp/requirements.txt
CMD ["python3", "-m", "http.server"]
