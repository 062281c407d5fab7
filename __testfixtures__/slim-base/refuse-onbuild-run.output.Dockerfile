FROM node:20
ONBUILD RUN npm install
CMD ["node", "app.js"]
