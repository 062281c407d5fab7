FROM ruby:3.3-slim-bookworm

# explicitly set uid/gid to guarantee that they won't change in the future
RUN groupadd -r -g 999 app && useradd -r -g app -u 999 app

RUN apt-get update && \
	apt-get install -y --no-install-recommends ca-certificates git && \
	rm -rf /var/lib/apt/lists/*
RUN gem install bundler

WORKDIR /usr/src/app
