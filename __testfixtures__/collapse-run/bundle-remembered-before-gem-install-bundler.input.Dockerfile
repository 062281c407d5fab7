FROM ruby:3.3
RUN gem install bundler -v 1.17 && bundle -v
RUN gem install bundler && bundle install
