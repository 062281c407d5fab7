FROM debian:bookworm
RUN apt-get update # refresh the index
RUN apt-get install -y curl # needed by the healthcheck
RUN mkdir /app
