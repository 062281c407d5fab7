FROM ubuntu:24.04

WORKDIR /app

COPY result /app
RUN ldconfig
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["sh", "-c", "ldconfig -p | grep libcuda && exec /app/bin/launcher"]
