FROM julia:1.11
WORKDIR /app
ADD https://github.com/mozilla/sccache/releases/download/v0.8.1/sccache-v0.8.1-x86_64-unknown-linux-musl.tar.gz /tmp/sccache.tar.gz
RUN tar -xzf /tmp/sccache.tar.gz -C /usr/local/bin --strip-components=1 && rm /tmp/sccache.tar.gz
COPY Project.toml Manifest.toml ./
RUN julia --project=. -e 'using Pkg; Pkg.instantiate()'
CMD ["julia", "--project=.", "main.jl"]
