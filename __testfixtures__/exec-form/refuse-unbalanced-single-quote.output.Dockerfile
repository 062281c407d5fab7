FROM alpine:3.20
CMD echo 'hello world
