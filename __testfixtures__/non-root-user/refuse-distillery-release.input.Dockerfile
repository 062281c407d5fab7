FROM elixir:1.10 AS build
ENV MIX_ENV=prod
WORKDIR /src
COPY . .
RUN mix local.hex --force && mix local.rebar --force && mix deps.get --only prod && mix distillery.release
FROM debian:bullseye-slim
RUN apt-get update && apt-get install -y --no-install-recommends libssl1.1 ca-certificates && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/_build/prod/rel/ /app/
WORKDIR /app
CMD ["./hello/bin/hello", "foreground"]
