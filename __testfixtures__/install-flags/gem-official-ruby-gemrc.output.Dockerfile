ARG RUBY_VERSION=3.3.6
FROM ruby:$RUBY_VERSION-slim AS base
WORKDIR /rails

# The image's gemrc already installs gems without documentation
RUN gem install bundler -v 2.5.22 && \
    gem install foreman

FROM base AS build
RUN gem update --system 3.5.22 && gem install rake
