FROM debian:12-slim AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends make gcc libc6-dev \
    && rm -rf /var/lib/apt/lists/*
COPY . /src
RUN make -C /src \
    && make -C /src install

FROM debian:12-slim
COPY --from=build /usr/local/bin/app /usr/local/bin/app
# This stage's RUN is continued in its own style: the account's RUN after it takes that one.
RUN mkdir -p /symbols \
 && ln -s /usr/local/bin/app /symbols/app
CMD ["app"]
