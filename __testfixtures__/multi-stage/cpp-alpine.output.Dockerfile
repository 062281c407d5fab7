FROM alpine:3.20 AS build
RUN apk add --no-cache build-base cmake
WORKDIR /src
COPY . .
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release \
 && cmake --build build \
 && cmake --install build

FROM alpine:3.20
RUN apk add --no-cache libstdc++ libgcc
WORKDIR /src
COPY --from=build /usr/local/bin/wordcount /usr/local/bin/wordcount
ENTRYPOINT ["/usr/local/bin/wordcount"]
CMD ["--help"]
