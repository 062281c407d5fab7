FROM node:20-bookworm
RUN sudo -u node npm install -g typescript && sudo -u node npm cache clean --force
RUN npm install -g pnpm && sudo -H -u node npm install -g eslint && npm cache clean --force && sudo -H -u node npm cache clean --force
RUN sudo -u node npm ci && sudo -u node npm cache clean --force && npm install -g serve && npm cache clean --force
