FROM ruby:3.3-slim
WORKDIR /app
COPY Gemfile Gemfile.lock ./
# vendor/cache is shipped so the app can reinstall offline: `bundle cache` has copied the packages there
# before the cleanup at the end of the RUN, which leaves vendor/cache alone.
RUN bundle install && bundle cache --all
COPY . .
CMD ["bundle", "exec", "puma"]
