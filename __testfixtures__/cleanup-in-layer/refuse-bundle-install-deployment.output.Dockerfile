FROM ruby:3.3-alpine
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local deployment true \
    && bundle install
COPY . .
CMD ["bundle", "exec", "puma"]
