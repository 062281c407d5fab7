FROM debian:12
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates && rm -rf /var/lib/apt/lists/*
# bash's -o takes pipefail: the -c string refreshes the lists before it installs
RUN bash -o pipefail -c 'apt-get update && apt-get install -y --no-install-recommends git'
RUN sh -ec 'apt-get update; apt-get install -y --no-install-recommends make'
