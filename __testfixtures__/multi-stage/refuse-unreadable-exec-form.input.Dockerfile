FROM golang:1.22
WORKDIR /src
COPY . .
RUN ["sh", "-c", "if [ -f go.mod ] then go build -o /usr/local/bin/app .; fi"]
CMD ["app"]
