FROM node:16
WORKDIR /app
CMD [ "sleep infinity" ]
