FROM golang:1.23 AS build
WORKDIR /src
COPY . .
RUN git clone https://github.com/example/protos.git /opt/protos \
    && cd /opt/protos \
    && git checkout v1.4.0 \
    && cd /src \
    && go build -o /bin/app .

FROM gcr.io/distroless/static-debian12
COPY --from=build /bin/app /app
ENTRYPOINT ["/app"]
