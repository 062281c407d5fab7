FROM golang:1.22
WORKDIR /src
COPY . .
RUN go build -o /out/app .
WORKDIR /src/cmd/tool
RUN go mod init example.com/tool && go install
CMD ["/out/app"]
