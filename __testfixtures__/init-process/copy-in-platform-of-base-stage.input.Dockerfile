# The runtime is only published for amd64.
FROM --platform=linux/amd64 registry.example.com/team/runtime:3 AS base
WORKDIR /srv
COPY bin/ ./bin/

FROM base
ENV MODE=production
ENTRYPOINT ["sh", "-c", "./bin/prepare && ./bin/serve"]
