FROM alpine:3.20
# With --no-cache apk fetches each index anew whatever -U says: the -U stays, in an upgrade as in an add.
RUN apk --update upgrade --no-cache
RUN apk upgrade --no-cache -U
RUN apk -U add --no-cache curl
RUN apk --update add --no-cache --upgrade tzdata
CMD ["sh"]
