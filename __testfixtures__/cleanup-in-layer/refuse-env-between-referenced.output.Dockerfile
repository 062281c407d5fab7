FROM node:20
RUN npm install -g typescript
ENV KEEP=1
RUN npm cache clean --force ${KEEP:+--loglevel=warn}
