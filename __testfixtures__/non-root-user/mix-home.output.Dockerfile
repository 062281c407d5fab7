FROM elixir:1.18-otp-27
WORKDIR /app
COPY mix.exs mix.lock ./
RUN mix local.hex --force && mix local.rebar --force && mix deps.get
COPY . .
RUN mix compile
CMD ["mix", "run", "--no-halt"]
