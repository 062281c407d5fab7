FROM golang:1.24 AS build
WORKDIR /src
COPY . .
RUN go build -o /bin/llmd .

FROM ubuntu:24.04
COPY --from=build /bin/llmd /usr/bin/llmd
VOLUME /data
EXPOSE 11434
ENTRYPOINT ["/usr/bin/llmd"]
CMD ["serve"]
