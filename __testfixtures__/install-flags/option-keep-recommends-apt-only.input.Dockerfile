FROM debian:bookworm
RUN apt-get update && apt-get install -y graphviz
RUN ["apt-get", "install", "-y", "x"]
