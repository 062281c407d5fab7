FROM ruby:3.3
RUN apt-get update -qq && apt-get install -y nodejs postgresql-client
WORKDIR /rails
ENV RAILS_ENV=production
COPY Gemfile Gemfile.lock ./
RUN bundle install
COPY . .
RUN useradd --uid 1000 --create-home rails && chown -R rails:rails db log tmp
EXPOSE 3000
CMD ["./bin/rails", "server", "-b", "0.0.0.0"]
