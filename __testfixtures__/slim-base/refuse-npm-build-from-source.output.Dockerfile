FROM node:20
RUN npm install -g node-gyp bcrypt --build-from-source
CMD ["node", "app.js"]
