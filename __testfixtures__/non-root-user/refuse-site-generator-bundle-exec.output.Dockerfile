FROM ruby:3.3-slim-bookworm

RUN apt-get update && apt-get install -y --no-install-recommends \
    build-essential \
    && rm -rf /var/lib/apt/lists/*
RUN gem install bundler jekyll

# the site is mounted here: docker run -p 4000:4000 -v "$(pwd):/site" jekyll-dev
WORKDIR /site
EXPOSE 4000

CMD ["bundle", "exec", "jekyll", "serve", "--force_polling", "-H", "0.0.0.0", "-P", "4000"]
