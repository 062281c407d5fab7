FROM ubuntu:24.04

WORKDIR /app

COPY result /app
RUN ldconfig
CMD ["sh", "-c", "ldconfig -p | grep libcuda && exec /app/bin/launcher"]
