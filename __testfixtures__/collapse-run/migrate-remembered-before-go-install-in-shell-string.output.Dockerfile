FROM golang:1.22
RUN ( apt-get update && apt-get install -y golang-migrate && migrate -version ) && \
    sh -c "cd /src/cmd/api && go install" && migrate -version
