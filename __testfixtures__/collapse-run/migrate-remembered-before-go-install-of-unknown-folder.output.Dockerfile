FROM golang:1.22
ARG SRC=/src/cmd/api
COPY . /src
RUN ( apt-get update && apt-get install -y golang-migrate && migrate -version ) && \
    cd "$SRC" && go install && migrate -version
