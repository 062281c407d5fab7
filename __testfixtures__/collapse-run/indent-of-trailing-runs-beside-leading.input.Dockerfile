FROM alpine:3.20 AS build
RUN apk add --no-cache git \
 && git clone https://example.com/app.git /src

FROM alpine:3.20
RUN addgroup -S app && \
  adduser -S -G app app
RUN mkdir /data
RUN chown app /data
COPY --from=build /src /app
CMD ["/app/run"]
