FROM ruby:3.3-slim
WORKDIR /app
COPY Gemfile Gemfile.lock .ruby-version ./
RUN bundle install --without development test --jobs 4
COPY . .
CMD ["bundle", "exec", "puma"]
