FROM golang:1.22-alpine AS build
WORKDIR /src

# restore dependencies
COPY go.mod go.sum ./
RUN go mod download
COPY . .

RUN CGO_ENABLED=0 go build -ldflags="-s -w" -o /go/bin/frontend .

FROM gcr.io/distroless/static-debian13
WORKDIR /src
COPY --from=build /go/bin/frontend /go/bin/frontend
COPY --from=build /src/templates /src/templates
COPY --from=build /src/static /src/static

# Definition of this variable is used by 'skaffold debug' to identify a golang binary.
ENV GOTRACEBACK=single

EXPOSE 8080
ENTRYPOINT ["/go/bin/frontend"]
