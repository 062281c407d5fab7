FROM ubuntu:24.04 AS build
ARG RUNNER_VERSION=2.330.0
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl && rm -rf /var/lib/apt/lists/*
WORKDIR /actions-runner
RUN curl -fL -o runner.tar.gz https://github.com/actions/runner/releases/download/v${RUNNER_VERSION}/actions-runner-linux-x64-${RUNNER_VERSION}.tar.gz \
    && tar xzf runner.tar.gz \
    && rm runner.tar.gz

FROM ubuntu:24.04
RUN apt-get update \
    && apt-get install -y git sudo \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --create-home --uid 1001 runner \
    && echo "runner ALL=(ALL) NOPASSWD:ALL" > /etc/sudoers.d/runner
WORKDIR /home/runner
COPY --chown=runner --from=build /actions-runner .
USER runner
