FROM alpine:3.20
# With --no-cache apk fetches each index anew whatever -U says: the -U stays, in an upgrade as in an add.
RUN apk --update upgrade
RUN apk upgrade -U
RUN apk -U add curl
RUN apk --update add --upgrade tzdata
CMD ["sh"]
