FROM ruby:3.3
RUN gem install mysql2 bcrypt
CMD ["ruby", "app.rb"]
