FROM debian:12-slim
RUN apt-get update \
    && apt-get install -y --no-install-recommends ruby-full build-essential \
    && rm -rf /var/lib/apt/lists/*
ENV GEM_HOME=/opt/gems
ENV PATH=/opt/gems/bin:$PATH
# Prints its version: it downloads nothing.
RUN gem install bundler && bundle --version
WORKDIR /app
COPY Gemfile Gemfile.lock ./
RUN gem install bundler && bundle install && rm -rf /opt/gems/cache/*.gem
COPY . .
CMD ["bundle", "exec", "ruby", "app.rb"]
