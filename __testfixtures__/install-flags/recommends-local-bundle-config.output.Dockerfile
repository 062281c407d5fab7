FROM debian:bookworm-slim AS gems
RUN apt-get update && apt-get install --no-install-recommends -y git ruby-bundler
WORKDIR /app
COPY Gemfile ./
# settings only: neither command reaches a server
RUN bundle config set --local without development && gem list --local

FROM debian:bookworm-slim
COPY --from=gems /app /app
CMD ["/app/bin/run"]
