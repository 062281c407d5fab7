FROM elixir:1.16 AS build
ENV MIX_ENV=prod
WORKDIR /app
COPY . .
RUN mix local.hex --force && mix local.rebar --force && mix deps.get --only prod && mix release
FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends libstdc++6 openssl libncurses5 locales ca-certificates && rm -rf /var/lib/apt/lists/*
WORKDIR /data
COPY --from=build /app/_build/prod/rel/hello /app
# Let any user read and run the release
RUN chmod -R go=rX /app
CMD ["/app/bin/server"]
