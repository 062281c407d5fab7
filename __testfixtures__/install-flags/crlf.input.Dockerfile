FROM alpine:3.19
RUN apk update \
    && apk add \
       curl \
       git
CMD ["sh"]
