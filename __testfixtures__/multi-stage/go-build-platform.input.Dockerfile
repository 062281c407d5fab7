FROM --platform=$BUILDPLATFORM golang:1.22
WORKDIR /src
COPY . .
RUN CGO_ENABLED=0 go build -o /usr/local/bin/api .
EXPOSE 8080
CMD ["api"]
