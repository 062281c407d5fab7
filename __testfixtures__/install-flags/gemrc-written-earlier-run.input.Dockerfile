FROM alpine:3.20
RUN apk add --no-cache ruby ruby-dev build-base && \
    printf 'gem: --no-document\n' > ~/.gemrc
RUN gem install mdl -v 0.13.0
WORKDIR /docs
ENTRYPOINT ["mdl"]
