FROM golang:1.22-alpine AS build
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /updater .

FROM scratch
COPY --from=build /updater /updater
ENTRYPOINT ["/updater"]
