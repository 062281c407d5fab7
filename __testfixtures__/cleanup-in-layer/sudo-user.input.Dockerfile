FROM node:20-bookworm
RUN sudo -u node npm install -g typescript
RUN npm install -g pnpm && sudo -H -u node npm install -g eslint
RUN sudo -u node npm ci && sudo -u node npm cache clean --force && npm install -g serve
