FROM golang:1.22
RUN apt-get update && apt-get install -y golang-migrate && migrate -version
RUN sh -c "cd /src/cmd/api && go install" && migrate -version
