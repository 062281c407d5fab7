FROM python:3.12-alpine AS release
COPY --from=ghcr.io/example/venv:1 /venv /venv
ENV PATH="/venv/bin:$PATH"
EXPOSE 61208

# Add the monitor's user
# RUN addgroup -g 1000 monitor && \
#     adduser -D -u 1000 -G monitor monitor

WORKDIR /app
CMD ["/bin/sh", "-c", "/venv/bin/python3 -m monitor ${MONITOR_OPT}"]

FROM release AS full
RUN apk add --no-cache libzmq

# USER monitor
