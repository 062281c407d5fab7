FROM debian:bookworm

RUN apt-get update
RUN apt-get install -y curl
RUN apt-get install -y git ca-certificates
RUN apt-get install -y build-essential

RUN useradd --create-home builder
USER builder
WORKDIR /home/builder

CMD ["bash"]
