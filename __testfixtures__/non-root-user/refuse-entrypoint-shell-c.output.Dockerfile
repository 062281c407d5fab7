FROM ubuntu:22.04 AS build
WORKDIR /app
RUN apt-get update && \
  apt-get install -y --no-install-recommends build-essential cmake git ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY . .
RUN cmake -B build && cmake --build build -j

FROM ubuntu:22.04 AS runtime
WORKDIR /app
RUN apt-get update && \
  apt-get install -y --no-install-recommends curl ffmpeg ca-certificates \
  && rm -rf /var/lib/apt/lists/*
COPY --from=build /app /app
ENV PATH=/app/build/bin:$PATH
ENTRYPOINT [ "bash", "-c" ]
