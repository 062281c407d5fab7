FROM node:20
COPY corp-ca.crt /usr/local/share/ca-certificates/corp-ca.crt
RUN update-ca-certificates
CMD ["node", "index.js"]
