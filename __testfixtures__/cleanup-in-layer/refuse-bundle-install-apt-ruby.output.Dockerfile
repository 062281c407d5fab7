FROM ubuntu:22.04 AS rbenv
RUN apt-get update && apt-get install -y --no-install-recommends ruby ruby-dev git curl && rm -rf /var/lib/apt/lists/*
RUN git clone https://github.com/rbenv/ruby-build.git /opt/ruby-build && /opt/ruby-build/bin/ruby-build 3.3.0 /opt/ruby
ENV PATH=/opt/ruby/bin:$PATH
COPY Gemfile Gemfile.lock ./
RUN bundle install

FROM ubuntu:22.04 AS as-app
RUN apt-get update && apt-get install -y --no-install-recommends ruby-bundler && rm -rf /var/lib/apt/lists/*
RUN useradd -m app
USER app
WORKDIR /home/app
COPY Gemfile Gemfile.lock ./
RUN bundle install

FROM mycorp/base:1.0
RUN apt-get update && apt-get install -y --no-install-recommends ruby && rm -rf /var/lib/apt/lists/*
COPY Gemfile Gemfile.lock ./
RUN bundle install
