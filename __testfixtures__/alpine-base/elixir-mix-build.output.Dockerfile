FROM elixir:1.18-otp-27

WORKDIR /app

# Hex and rebar first, then the project's dependencies
RUN mix local.hex --force && mix local.rebar --force
COPY mix.exs mix.lock ./
RUN mix deps.get && mix deps.compile
COPY lib lib
RUN mix compile

CMD ["mix", "run", "--no-halt"]
