FROM node:20
RUN npm install -g bcrypt --build-from-source
CMD ["node", "app.js"]
