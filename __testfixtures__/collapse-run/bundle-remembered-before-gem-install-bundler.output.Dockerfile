FROM ruby:3.3
RUN ( bundle -v ) && \
    gem install bundler && bundle install
