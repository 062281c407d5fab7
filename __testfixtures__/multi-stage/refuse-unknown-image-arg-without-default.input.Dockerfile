ARG GOLANG
FROM ${GOLANG}
WORKDIR /src
COPY . .
RUN go build -o /usr/local/bin/tool ./cmd/tool
ENTRYPOINT ["/usr/local/bin/tool"]
