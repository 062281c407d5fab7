FROM golang:1.22-alpine3.20
WORKDIR /src
COPY . .
RUN apk add --no-cache --virtual .build-deps gcc musl-dev vips-dev \
 && go build -o /usr/local/bin/thumbs . \
 && apk del .build-deps
CMD ["/usr/local/bin/thumbs"]
