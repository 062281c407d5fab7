FROM ruby:3.3-slim
RUN apt-get update && apt-get install -y --no-install-recommends sudo build-essential && rm -rf /var/lib/apt/lists/* \
 && useradd -m discourse && install -dm 0755 -o discourse -g discourse /var/www/discourse
WORKDIR /var/www/discourse
COPY --chown=discourse Gemfile Gemfile.lock ./
# As discourse's image does: the gems go to the project's vendor/bundle, whose caches the find removes.
RUN cd /var/www/discourse &&\
    sudo -u discourse bundle config --local deployment true &&\
    sudo -u discourse bundle config --local path ./vendor/bundle &&\
    sudo -u discourse bundle install --jobs 4 &&\
    find /var/www/discourse/vendor/bundle -name cache -not -path '*/gems/*' -type d -exec rm -rf {} + &&\
    find /var/www/discourse/vendor/bundle -name tmp -type d -exec rm -rf {} +
# A find in another folder removes no cache of these gems.
RUN sudo -u discourse bundle install --jobs 4 &&\
    find /tmp -name cache -type d -exec rm -rf {} +
COPY --chown=discourse . .
CMD ["bundle", "exec", "puma"]
