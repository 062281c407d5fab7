FROM --platform=linux/amd64 registry.example.com/team/runtime:3 AS app
ENTRYPOINT ["sh", "-c", "./prepare && ./serve"]
