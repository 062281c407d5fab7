FROM ruby:3.3-slim
RUN apt-get update && apt-get install -y --no-install-recommends gcc make libc6-dev libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install --jobs $(nproc) --retry 3
COPY . .
CMD ["bundle", "exec", "rails", "server", "-b", "0.0.0.0"]
