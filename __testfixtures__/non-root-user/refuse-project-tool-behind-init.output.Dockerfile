FROM node:22-alpine
RUN apk add --no-cache tini \
    && npm install --global prettier@3.3.3 \
    && npm cache clean --force
WORKDIR /work
ENTRYPOINT ["/sbin/tini", "--"]
CMD ["prettier", "--check", "."]
