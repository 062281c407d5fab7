FROM node:20-slim
ARG SETUP
# su gives the user's shell a string only known at build time: it may run apt-get
RUN su -c "$SETUP" root
CMD ["node", "index.js"]
