FROM node:20-slim
RUN npm ci
# Uncomment the next line to get debug output during the build
#ENV DEBUG=*
RUN npm run build
