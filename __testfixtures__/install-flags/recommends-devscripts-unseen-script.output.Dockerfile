FROM debian:trixie
RUN apt-get update && apt-get install -y build-essential devscripts debhelper
COPY . /src
WORKDIR /src
CMD ["./packaging/build-deb.sh"]
