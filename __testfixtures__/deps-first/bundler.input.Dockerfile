FROM ruby:3.3-slim
WORKDIR /app
COPY --chown=1000:1000 . .
RUN bundle install --jobs 4
CMD ["bundle", "exec", "puma"]
