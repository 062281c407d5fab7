ARG NODE_IMAGE=node:20-windowsservercore-ltsc2022
FROM $NODE_IMAGE

WORKDIR /app
COPY package.json .
RUN npm install --omit=dev
COPY . .

CMD ["node.exe", "server.js"]
