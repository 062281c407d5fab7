FROM debian:bookworm-slim
# Both shells install: one refusal on the line names each of them
RUN sh -c 'apt-get update && apt-get install -y wget' && sudo bash -c 'apt-get install -y gnupg'
CMD ["wget", "--version"]
