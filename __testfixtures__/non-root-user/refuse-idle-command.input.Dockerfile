# A container kept up to work in with docker exec
FROM node:24
RUN apt-get update && apt-get install -y --no-install-recommends git && rm -rf /var/lib/apt/lists/* && mkdir -p /wiki
WORKDIR /wiki
EXPOSE 3000
CMD ["tail", "-f", "/dev/null"]
