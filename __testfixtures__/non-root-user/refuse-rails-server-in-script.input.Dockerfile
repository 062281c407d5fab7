FROM ruby:3.3
RUN apt-get update -qq && apt-get install -y --no-install-recommends build-essential libpq-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /solidus
COPY . /solidus
RUN bundle install
CMD ["sh", "./docker-entrypoint.sh"]
