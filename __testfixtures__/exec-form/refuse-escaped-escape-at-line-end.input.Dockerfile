FROM alpine:3.20
CMD echo done\\
EXPOSE 80
