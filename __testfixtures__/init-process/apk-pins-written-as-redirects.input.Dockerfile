FROM node:20.11.1-alpine3.19
RUN apk add --no-cache bash>5.0.16-r0 git>2.26.0-r0
RUN npm install -g markdown-link-check@3.12.2 && npm cache clean --force
COPY entrypoint.sh /entrypoint.sh
ENTRYPOINT ["/entrypoint.sh"]
