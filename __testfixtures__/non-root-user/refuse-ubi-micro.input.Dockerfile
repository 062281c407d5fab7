FROM registry.access.redhat.com/ubi9/ubi AS build
RUN dnf install -y golang && dnf clean all
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /out/server .

FROM registry.access.redhat.com/ubi9/ubi-micro
COPY --from=build /out/server /usr/local/bin/server
EXPOSE 8080
CMD ["/usr/local/bin/server"]
