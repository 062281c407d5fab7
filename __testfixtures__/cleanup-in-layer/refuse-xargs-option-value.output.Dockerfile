FROM debian:12
RUN apt-get update && apt-get install -y curl
COPY pkgs.txt /
RUN xargs -a /pkgs.txt apt-get install -y
CMD ["curl"]
