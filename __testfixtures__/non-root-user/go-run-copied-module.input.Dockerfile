FROM golang:1.26-bookworm

WORKDIR /app
COPY go.mod go.sum ./
RUN go mod download
COPY . .

# go keeps its build cache in the user's home; the modules the build downloaded stay readable.
CMD ["go", "run", "."]
