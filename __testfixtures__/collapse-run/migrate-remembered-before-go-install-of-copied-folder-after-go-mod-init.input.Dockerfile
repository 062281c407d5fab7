FROM golang:1.22
WORKDIR /src/cmd/api
RUN go mod init example.com/migrate
COPY . /src
RUN apt-get update && apt-get install -y golang-migrate && migrate -version
RUN go install -trimpath && migrate -version
