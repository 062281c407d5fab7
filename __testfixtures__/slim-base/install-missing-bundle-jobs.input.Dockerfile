FROM ruby:3.3
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install --jobs $(nproc) --retry 3
COPY . .
CMD ["bundle", "exec", "rails", "server", "-b", "0.0.0.0"]
