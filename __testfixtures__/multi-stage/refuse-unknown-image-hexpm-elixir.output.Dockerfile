FROM hexpm/elixir:1.17.2-erlang-27.0.1-debian-bookworm-20240722-slim
ENV MIX_ENV=prod
WORKDIR /app
RUN apt-get update -y && apt-get install -y build-essential git && apt-get clean && rm -f /var/lib/apt/lists/*_*
COPY . .
RUN mix deps.get --only prod && mix release
CMD ["/app/_build/prod/rel/my_app/bin/server"]
