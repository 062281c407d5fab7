# To build for other platforms, register QEMU on the host first:
# docker run --rm --privileged multiarch/qemu-user-static --reset -p yes
# or, over several lines:
# docker run --rm \
#   --privileged \
#   multiarch/qemu-user-static --reset -p yes
FROM multiarch/qemu-user-static:x86_64-aarch64 AS qemu

FROM debian:12-slim AS build
COPY --from=qemu /usr/bin/qemu-aarch64-static /usr/bin/
RUN apt-get update \
    && apt-get install -y --no-install-recommends make gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN make -C /src \
    && make -C /src install

FROM debian:12-slim
COPY --from=build /usr/local/bin/app /usr/local/bin/app
RUN groupadd --system --gid 10001 app \
    && useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["app"]
