FROM ruby:3.3
WORKDIR /app
COPY . .
# Rails' bin/setup is Ruby: the bundle install it runs is not read, so what it needs is unknown
RUN bin/setup
CMD ["bin/rails", "server", "-b", "0.0.0.0"]
