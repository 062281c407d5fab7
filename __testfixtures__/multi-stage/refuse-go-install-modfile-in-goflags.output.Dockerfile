FROM golang:1.22
ENV GOFLAGS=-modfile=alt.mod
WORKDIR /src
COPY . .
RUN go install .
CMD ["/go/bin/mono"]
