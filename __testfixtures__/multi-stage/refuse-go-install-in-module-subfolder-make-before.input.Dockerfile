FROM golang:1.22
COPY . /src
WORKDIR /src
RUN make tool
WORKDIR /src/cmd/app
RUN go install
CMD ["tool"]
