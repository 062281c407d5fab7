FROM alpine:3.20

ENV NODE_ENV=production
WORKDIR /app
RUN apk add --no-cache tzdata nodejs

COPY dist ./dist
COPY package.json index.js ./

# The app writes its configuration and state here.
RUN mkdir /app/data

EXPOSE 8080
CMD ["node", "index.js"]
