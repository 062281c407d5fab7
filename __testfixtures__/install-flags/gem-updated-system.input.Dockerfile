FROM ubuntu:14.04
RUN apt-get update && apt-get install -y ruby
RUN gem update --system
RUN gem install bundler
