# Fetch the sources in a stage of their own
FROM alpine AS sources
RUN mkdir -p /src
RUN mkdir -p /src && wget -q -O /src/sources.tar.gz https://github.com/example/tool/archive/refs/tags/v0.3.0.tar.gz && tar -C /src -xf /src/sources.tar.gz --strip-components=1 && rm /src/sources.tar.gz

FROM python:3.12-slim
COPY --from=sources /src /opt/tool
RUN pip install --no-cache-dir /opt/tool
CMD ["tool"]
