FROM ruby:3.4-alpine
WORKDIR /app
COPY . .
RUN addgroup -g 2000 app && adduser -u 2000 -G app -D app
WORKDIR /data/app
RUN chown -R 2000:2000 /data/app
USER 2000:2000
EXPOSE 3000
CMD ["/app/bin/server"]
