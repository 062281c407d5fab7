FROM elixir:1.17-otp-27
ENV MIX_ENV=prod
WORKDIR /app
RUN mix local.hex --force && mix local.rebar --force
COPY mix.exs mix.lock ./
RUN mix deps.get --only prod && mix deps.compile
COPY . .
RUN mix assets.deploy && mix compile && mix release
CMD ["/app/_build/prod/rel/my_app/bin/server"]
