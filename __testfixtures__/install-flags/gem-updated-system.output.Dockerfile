FROM ubuntu:14.04
RUN apt-get update && apt-get install --no-install-recommends -y ruby
RUN gem update --system
RUN gem install --no-document bundler
