FROM ruby:3.2
RUN gem install bundler:2.4.22
CMD ["ruby", "app.rb"]
