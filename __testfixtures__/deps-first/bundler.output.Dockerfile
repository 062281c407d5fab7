FROM ruby:3.3-slim
WORKDIR /app
COPY --chown=1000:1000 Gemfile Gemfile.lock .ruby-version ./
RUN bundle install --jobs 4
COPY --chown=1000:1000 . .
CMD ["bundle", "exec", "puma"]
