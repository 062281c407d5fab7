FROM debian:bookworm AS keys
RUN apt-get update && apt-get install --no-install-recommends -y dirmngr gnupg \
    && apt-key adv --keyserver hkps://keyserver.ubuntu.com --recv-keys 0123456789ABCDEF

FROM debian:bookworm
RUN apt-get update && apt-get install --no-install-recommends -y gpg dirmngr \
    && gpg --batch --keyserver hkps://keys.openpgp.org --recv-keys 0123456789ABCDEF
