FROM golang:1.22
WORKDIR /src/cmd/api
COPY . /src
RUN ( apt-get update && apt-get install -y golang-migrate && migrate -version ) && \
    go install -trimpath && migrate -version
