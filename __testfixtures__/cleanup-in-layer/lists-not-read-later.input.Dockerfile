FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends equivs
RUN su -c "apt-get update && apt-get install -y htop" root
RUN mk-build-deps /src/debian/control
