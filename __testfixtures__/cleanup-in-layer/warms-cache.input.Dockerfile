FROM node:20-bookworm

USER node
WORKDIR /tmp/app-clone
COPY --chown=node:node package.json yarn.lock ./

# Warm global yarn cache, so installs in the mounted checkout work offline
RUN yarn install --frozen-lockfile

# Install the CLI (fills the npm cache; clear it afterwards)
RUN npm install --prefix /home/node/.local @app/cli

WORKDIR /src
CMD ["bash"]
