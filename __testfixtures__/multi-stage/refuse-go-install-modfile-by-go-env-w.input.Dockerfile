FROM golang:1.22
RUN go env -w GOFLAGS=-modfile=alt.mod
WORKDIR /src
COPY . .
RUN go install .
CMD ["/go/bin/mono"]
