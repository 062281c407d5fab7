FROM ubuntu:24.04

WORKDIR /app

COPY result /app
RUN ldconfig
CMD ["ldconfig", "/app/bin/text-generation-launcher"]
