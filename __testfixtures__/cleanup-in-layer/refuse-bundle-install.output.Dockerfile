FROM ruby:3.3-slim
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN --mount=type=cache,target=/usr/local/bundle/cache bundle install
RUN BUNDLE_PATH=/opt/bundle bundle install
RUN bundle install --jobs 4
# The test image reinstalls from the cache alone.
RUN bundle install --local --with test
COPY . .
CMD ["bundle", "exec", "puma"]
