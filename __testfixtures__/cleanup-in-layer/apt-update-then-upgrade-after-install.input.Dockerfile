FROM debian:bookworm-slim AS build
RUN apt-get update && apt-get install -y build-essential
COPY . /src
RUN make -C /src beacon_node

FROM debian:bookworm-slim
RUN apt-get clean && apt update \
 && apt -y install libpcre3 \
 && apt update && apt -y upgrade \
 && ldd --version
COPY --from=build /src/build/beacon_node /usr/local/bin/beacon_node
ENTRYPOINT ["beacon_node"]
