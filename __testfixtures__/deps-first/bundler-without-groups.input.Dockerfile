FROM ruby:3.3-slim
WORKDIR /app
COPY . .
RUN bundle install --without development test --jobs 4
CMD ["bundle", "exec", "puma"]
