FROM ubuntu:24.04

ENV DEBIAN_FRONTEND=noninteractive
RUN apt-get update \
    && apt-get install -y --no-install-recommends ghc cabal-install ca-certificates \
    && rm -rf /var/lib/apt/lists/*

# Prebuild the dependencies so that later builds only compile the project
RUN cabal update && cabal install --dependencies-only ShellCheck

COPY build /usr/bin
WORKDIR /scratch
ENTRYPOINT ["/usr/bin/build"]
