FROM debian:bookworm-slim
WORKDIR /usr/src/tools
COPY tools/setup.sh .
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates
RUN ./setup.sh
WORKDIR /usr/src/app
COPY app/ .
CMD ["./run.sh"]
