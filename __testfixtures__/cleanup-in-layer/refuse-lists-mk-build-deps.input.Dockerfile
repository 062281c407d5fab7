FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends devscripts equivs
RUN mk-build-deps -i -r -t 'apt-get -y --no-install-recommends' /src/debian/control
