FROM debian:bookworm
RUN apt-get update && apt-get install -y ruby bundler && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN bundle install
