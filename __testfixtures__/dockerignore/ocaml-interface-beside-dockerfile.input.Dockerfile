FROM ocaml/opam:alpine-3.21-ocaml-5.2 AS build
WORKDIR /home/opam/app
COPY --chown=opam . .
RUN opam install . --deps-only && opam exec -- dune build --profile=release

FROM alpine:3.21
COPY --from=build /home/opam/app/_build/default/bin/main.exe /bin/lint
ENTRYPOINT ["/bin/lint"]
