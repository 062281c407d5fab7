FROM ocaml/opam:alpine-3.21-ocaml-5.2 AS build
WORKDIR /home/opam/app
COPY --chown=opam . .
RUN opam install . --deps-only && opam exec -- dune build --profile=release

FROM alpine:3.21
RUN apk add --no-cache git gmp libev
COPY --from=build /home/opam/opam-repository /var/opam-repository
COPY --from=build /home/opam/app/_build/default/bin/main.exe /bin/server

# the server reads the history of the repository it ships
RUN git config --global --add safe.directory /var/opam-repository

ENV REPO_PATH=/var/opam-repository
EXPOSE 8080
ENTRYPOINT ["/bin/server"]
