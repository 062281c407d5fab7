FROM ubuntu:14.04
RUN apt-get update && apt-get install --no-install-recommends -y ruby && gem update --system && gem install --no-document bundler
