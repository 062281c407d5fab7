FROM debian:bookworm-slim AS debian
RUN apt-get update && apt-get install -y --no-install-recommends ruby-full ruby-bundler build-essential \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /srv/app
# The build context's .bundle/config says BUNDLE_PATH: "vendor/bundle".
COPY . .
RUN bundle install && rm -rf /srv/app/vendor/bundle/ruby/*/cache/*.gem

FROM ruby:3.3-slim
WORKDIR /srv/app
# The ruby images read the app's config from BUNDLE_APP_CONFIG=/usr/local/bundle: this copy of it is not read.
COPY . .
RUN bundle install && rm -rf /usr/local/bundle/cache/*.gem
CMD ["bundle", "exec", "puma"]
