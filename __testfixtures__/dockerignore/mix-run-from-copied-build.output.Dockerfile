FROM hexpm/elixir:1.17.3-erlang-27.1.2-debian-bookworm-20241016-slim
ENV MIX_ENV=prod
WORKDIR /app
COPY . .
CMD ["mix", "run", "--no-halt", "--no-compile", "--no-deps-check"]
