FROM node:20-alpine
# a string whose words are all known is read: it makes a folder and writes a file
RUN sh -ec "mkdir -p /app/data && echo ready > /app/data/state"
CMD ["node", "index.js"]
