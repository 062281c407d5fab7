FROM golang:1.22
WORKDIR /src
COPY . .
RUN export GOFLAGS=-modfile=alt.mod && go build
CMD ["/src/mono"]
