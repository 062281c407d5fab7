FROM alpine:3.20
RUN apk add --no-cache ruby ruby-dev build-base && \
    gem install --no-document mdl -v 0.13.0 && \
    echo 'gem: --no-document' > /etc/gemrc
WORKDIR /docs
ENTRYPOINT ["mdl"]
