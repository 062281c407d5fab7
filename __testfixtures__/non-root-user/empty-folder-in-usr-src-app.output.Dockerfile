FROM node:14
RUN mkdir -p /usr/src/app /usr/local/lib/app-plugins
WORKDIR /usr/src/app
# multer saves the pictures of the posts here
RUN mkdir images/
COPY . /usr/src/app
RUN npm install
RUN chown -R 1000:1000 /usr/src/app/images
USER 1000:1000
EXPOSE 3000
CMD ["npm", "run", "start:server"]
