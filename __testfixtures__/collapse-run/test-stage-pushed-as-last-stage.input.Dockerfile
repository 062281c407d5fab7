FROM ruby:3.3-slim AS app
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
COPY . .
CMD ["bundle", "exec", "puma"]

FROM app AS test
RUN apt-get update && apt-get install -y --no-install-recommends chromium
RUN bundle config unset without && bundle install
CMD ["bundle", "exec", "rspec"]
