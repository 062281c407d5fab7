FROM ubuntu:24.04
RUN apt-get update && apt-get install -y --no-install-recommends ruby-full && rm -rf /var/lib/apt/lists/*
RUN gem install --no-document bundler
RUN gem install -N nokogiri -- --use-system-libraries && \
  gem install --no-document rails --version "$RAILS_VERSION"
RUN	gem install --no-rdoc --no-ri fpm --version 1.0.2
RUN gem update --system && gem install --document=ri rake
RUN gem install bundler -v 2.7.2 --no-doc
RUN gem install --doc=ri rdoc && gem install --no-document --no-deps foreman
