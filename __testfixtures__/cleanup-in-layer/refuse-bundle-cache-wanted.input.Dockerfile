FROM ruby:3.3-slim AS base
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install --jobs 4

FROM base
# Packs the installed gems into vendor/cache for offline installs: it copies them from the gem cache.
RUN bundle package --all-platforms
ENV BUNDLE_CACHE_PATH=/usr/local/bundle/cache
RUN bundle install
COPY . .
CMD ["bundle", "exec", "puma"]
