FROM debian:bookworm
RUN printf 'APT {\n  Install-Recommends "0";\n  Install-Suggests "0";\n};\n' > /etc/apt/apt.conf.d/01-lean
RUN apt-get update && apt-get install -y git && rm -rf /var/lib/apt/lists/*
CMD ["git", "--version"]
