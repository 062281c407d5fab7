FROM ruby:3.3-slim AS gems
WORKDIR /app
COPY Gemfile Gemfile.lock ./
# A stage that does not ship keeps its cache: nothing to clean there.
RUN bundle install

FROM ruby:3.3-slim
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local without 'development test' \
    && bundle install --jobs 4 --retry 3 \
    && rm -rf /usr/local/bundle/cache/*.gem
RUN gem install bundler:2.5.6 && bundle update --conservative rack && rm -rf /usr/local/bundle/cache/*.gem
# Already cleaned after the install.
RUN bundle install && rm -rf /usr/local/bundle/cache/*.gem
# Removes the cache folders itself, as discourse's image does.
RUN bundle install --jobs 4 \
    && find /usr/local/bundle -name cache -not -path '*/gems/*' -type d -exec rm -rf {} +
COPY . .
CMD ["bundle", "exec", "puma"]
