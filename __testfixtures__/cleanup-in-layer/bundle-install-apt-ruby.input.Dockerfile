FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ruby-full build-essential libpq-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY Gemfile Gemfile.lock ./
# Debian's ruby installs gems for root under /var/lib/gems/<version>: its cache/ keeps the .gem files.
RUN gem install bundler -v 2.4.22 && bundle install --jobs 4
# Already cleaned after the install.
RUN bundle update --conservative rack && rm -rf /var/lib/gems/3.1.0/cache
COPY . .
CMD ["bundle", "exec", "puma"]
