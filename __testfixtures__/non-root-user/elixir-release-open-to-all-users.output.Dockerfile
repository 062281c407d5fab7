FROM elixir:1.16 AS build
ENV MIX_ENV=prod
WORKDIR /app
COPY . .
RUN mix local.hex --force && mix local.rebar --force && mix deps.get --only prod && mix release
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libstdc++6 openssl libncurses5 locales ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /data
COPY --from=build /app/_build/prod/rel/hello /app
# Make release files available to any user, for docker run --user
RUN chmod -R go=u /app
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown -R 10001:10001 /data
USER 10001:10001
CMD ["/app/bin/server"]
