FROM golang:1.22
RUN apt-get update && apt-get install -y golang-migrate && migrate -version
RUN cd /go/src/app && go install && migrate -version
