FROM ruby:3.3-bookworm
WORKDIR /app
COPY scripts/run-tests /usr/local/bin/run-tests
ENTRYPOINT ["run-tests"]
