FROM ruby:3.3-slim AS variable
ARG BUNDLE_DIR=vendor/bundle
WORKDIR /srv/app
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local path "$BUNDLE_DIR" && bundle install

FROM example.org/rails-base:1 AS workdir
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local path vendor/bundle
RUN bundle install

FROM ruby:3.3-slim
ENV BUNDLE_PATH=/usr/local/bundle
WORKDIR /srv/app
COPY Gemfile Gemfile.lock ./
# The app's path wins over BUNDLE_PATH, which wins over the user's: which one this sets depends on Bundler's version.
RUN bundle config set path vendor/bundle
RUN bundle install
COPY . .
CMD ["bundle", "exec", "puma"]
