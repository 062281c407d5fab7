ARG BASE_IMAGE=ubuntu:22.04
FROM $BASE_IMAGE AS builder
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src/app
COPY . .
RUN python3 -m pip wheel --wheel-dir wheelhouse .

FROM $BASE_IMAGE
RUN apt-get update && apt-get install -y --no-install-recommends python3-pip \
 && rm -rf /var/lib/apt/lists/*
RUN --mount=type=cache,from=builder,source=/src/app/wheelhouse,target=/tmp/wheelhouse \
    python3 -m pip install --no-cache /tmp/wheelhouse/*
CMD ["app"]
