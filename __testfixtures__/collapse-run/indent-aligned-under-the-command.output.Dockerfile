FROM debian:bookworm-slim
RUN --mount=type=cache,target=/var/cache/apt,sharing=locked apt-get update && \
                                                            apt-get install -y --no-install-recommends curl && \
                                                            curl --version
