FROM alpine:3.20
USER nobody
CMD ["sh"]
