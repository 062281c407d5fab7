FROM debian:bookworm
# The author asks curl to keep the error page: it stays.
RUN curl --no-fail -sS -o /tmp/status.html https://example.com/status
RUN curl -fsS -o /tmp/a https://example.com/a --no-fail
# Redirects turned off: -f alone.
RUN curl --no-location -sS -o /tmp/b https://example.com/b
RUN curl -sS -o /tmp/c https://example.com/c
