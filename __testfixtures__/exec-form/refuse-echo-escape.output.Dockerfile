FROM alpine:3.19
CMD echo "This is a base image.\nUse it with FROM."
