FROM golang:1.22
WORKDIR /src/cmd/app
RUN go mod init example.com/tool
COPY . /src
RUN go install
CMD ["tool"]
