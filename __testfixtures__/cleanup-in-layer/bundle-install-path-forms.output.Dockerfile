FROM ruby:3.3-slim AS unscoped
WORKDIR /srv/app
COPY Gemfile Gemfile.lock ./
# No --local or --global: the app's config from Bundler 2.3.7 on, the user's before; either way the install reads it.
RUN bundle config set path vendor/bundle
RUN bundle install && rm -rf /srv/app/vendor/bundle/ruby/*/cache/*.gem

FROM ruby:3.3-slim AS option
WORKDIR /srv/app
COPY Gemfile Gemfile.lock ./
RUN bundle install --path=vendor/bundle --jobs 4 && rm -rf /srv/app/vendor/bundle/ruby/*/cache/*.gem

FROM ruby:3.3-slim AS environment
WORKDIR /srv/app
ENV BUNDLE_PATH=vendor/bundle
COPY Gemfile Gemfile.lock ./
RUN bundle install && rm -rf /srv/app/vendor/bundle/ruby/*/cache/*.gem

FROM ruby:3.3-slim
WORKDIR /srv/app
COPY Gemfile Gemfile.lock ./
# Bundler 1's form, in the user's home.
RUN bundle config --global path ~/gems && bundle install && rm -rf /root/gems/ruby/*/cache/*.gem
COPY . .
CMD ["bundle", "exec", "puma"]
