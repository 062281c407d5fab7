FROM node:20-slim
WORKDIR /build
COPY . .
RUN ./configure && make && make install && rm -rf /build
RUN npm install -g pm2 && \
    cd /build/tools && make && rm -rf /build
RUN npm install -g serve && \
    ( mkdir -p /opt/app && cd /opt/app && rm -rf /tmp/scratch ) && \
    npm install -g http-server
CMD ["pm2-runtime", "app.js"]
