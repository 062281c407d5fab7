FROM elixir:1.18 AS build
ENV MIX_ENV=prod
WORKDIR /app
RUN mix local.hex --force && mix local.rebar --force
COPY mix.exs mix.lock ./
RUN mix deps.get --only prod
COPY config config
COPY lib lib
RUN mix release

# The release carries ERTS, built in the stage above
FROM elixir:1.18
WORKDIR /app
COPY --from=build /app/_build/prod/rel/shop ./
CMD ["bin/shop", "start"]
