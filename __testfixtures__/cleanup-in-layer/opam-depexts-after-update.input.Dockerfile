FROM ocaml/opam:debian-12-ocaml-5.2
USER root
RUN apt-get update && apt-get install -y --no-install-recommends m4 pkg-config libgmp-dev
USER opam
WORKDIR /home/opam/app
COPY --chown=opam app.opam dune-project ./
RUN sudo apt-get update && opam install --deps-only -y .
COPY --chown=opam . .
RUN opam exec -- dune build --release
CMD ["./_build/default/bin/main.exe"]
