FROM golang:1.26-bookworm

WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001

# go keeps its build cache in the user's home; the modules the build downloaded stay readable.
CMD ["go", "run", "."]
