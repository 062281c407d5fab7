FROM ruby:3.3
RUN bundle -v
RUN gem install bundler && bundle install
