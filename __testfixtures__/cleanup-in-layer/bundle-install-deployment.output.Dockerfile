FROM ruby:3.3-alpine AS config
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local deployment true \
    && bundle install \
    && rm -rf /app/vendor/bundle/ruby/*/cache/*.gem

FROM ruby:3.3-alpine
WORKDIR /app
ENV BUNDLE_DEPLOYMENT=1
COPY Gemfile Gemfile.lock ./
RUN bundle install && rm -rf /app/vendor/bundle/ruby/*/cache/*.gem
COPY . .
CMD ["bundle", "exec", "puma"]
