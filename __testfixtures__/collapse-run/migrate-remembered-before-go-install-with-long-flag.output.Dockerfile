FROM golang:1.22
WORKDIR /src/cmd/migrate
COPY . /src
RUN ( apt-get update && apt-get install -y golang-migrate && migrate -version ) && \
    go install --tags netgo && migrate -version
