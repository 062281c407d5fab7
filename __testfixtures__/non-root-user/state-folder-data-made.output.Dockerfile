FROM alpine:3.20

ENV NODE_ENV=production
WORKDIR /app
RUN apk add --no-cache tzdata nodejs

COPY dist ./dist
COPY package.json index.js ./

# The app writes its configuration and state here.
RUN mkdir /app/data
RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app && chown -R 10001:10001 /app/data
USER 10001:10001

EXPOSE 8080
CMD ["node", "index.js"]
