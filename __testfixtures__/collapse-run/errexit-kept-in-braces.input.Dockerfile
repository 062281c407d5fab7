FROM debian:bookworm-slim

# An && list: set -e would ignore a failure of mkdir before chown.
RUN mkdir -p /app && chown 1000 /app
RUN set -ex; \
    apt-get update; \
    rm -rf /var/lib/apt/lists/*

# A failure it hides on purpose.
RUN mkdir /data || true
RUN set -e; touch /data/ready

# An expansion, which set -u could make fail.
RUN echo "$BUILD_ID" > /build-id
RUN set -eu; apt-get update

# A pipeline, which pipefail could make fail.
RUN curl -fsSL https://example.com/key.asc | gpg --dearmor -o /usr/share/keyrings/example.gpg
RUN set -e -o pipefail; apt-get update

# pip replaces itself: the later pip must not be the path the shell remembered.
RUN pip install -U pip
RUN set -ex; pip install flask

# An option other than -e, -u, -x, -v, -f, -C and pipefail.
RUN touch /marker
RUN set -ea; apt-get update

CMD ["sh"]
