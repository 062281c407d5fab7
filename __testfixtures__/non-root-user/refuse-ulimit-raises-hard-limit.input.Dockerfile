FROM debian:bookworm-slim AS final

RUN apt-get update \
  && apt-get install -y --no-install-recommends libstdc++6 openssl libncurses5 locales ca-certificates \
  && rm -rf /var/lib/apt/lists/*

WORKDIR "/app"
RUN chown nobody /app

ENV MIX_ENV="prod"

# Only copy the final release from the build stage
COPY --chown=nobody:root _build/prod/rel/app ./

EXPOSE 4000

CMD ["sh", "-c", "ulimit -n 65536 && exec /app/bin/server"]
