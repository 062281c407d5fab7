FROM debian:bookworm
RUN apt-get update && apt-get install -y ruby bundler build-essential ruby-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle config set --local without development && bundle install
