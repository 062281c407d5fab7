FROM golang:1.22
COPY . /src
RUN ( apt-get update && apt-get install -y golang-migrate && migrate -version ) && \
    cd /src && go install -modfile=migrate.mod . && migrate -version
