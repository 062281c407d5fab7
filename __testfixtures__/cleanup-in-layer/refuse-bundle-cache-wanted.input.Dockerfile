FROM ruby:3.3-slim
WORKDIR /app
COPY Gemfile Gemfile.lock ./
# vendor/cache is shipped so the app can reinstall offline.
RUN bundle install && bundle cache --all
COPY . .
CMD ["bundle", "exec", "puma"]
