FROM julia:1.6
WORKDIR /app
COPY Project.toml Manifest.toml ./
RUN julia --project=. -e 'using Pkg; Pkg.instantiate(); Pkg.precompile()'
COPY . .
EXPOSE 8000
CMD ["julia", "--project=.", "server.jl"]
