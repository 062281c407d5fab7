FROM ruby:3.1
RUN apt-get update && apt-get install -y --no-install-recommends nodejs libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY Gemfile ./
RUN bundle install
COPY . .
EXPOSE 5000
CMD bundle exec foreman start -f Procfile.workers
