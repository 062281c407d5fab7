FROM debian:bookworm
RUN ["apt-get", "install", "-y", "wget"]
RUN ["/bin/sh", "-c", "apt-get update && apt-get install -y curl"]
RUN ["npm", "ci"]
