FROM golang:1.22
WORKDIR /src/cmd/app
COPY . /src
RUN sh -c "go mod init example.com/tool"
RUN go install
CMD ["tool"]
