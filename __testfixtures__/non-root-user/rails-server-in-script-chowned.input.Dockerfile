FROM ruby:3.3
WORKDIR /rails
COPY . .
RUN bundle install
RUN useradd --uid 1000 --create-home rails && chown -R rails:rails db log tmp
CMD ["./bin/docker-start"]
