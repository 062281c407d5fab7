FROM ubuntu:22.04
ENV NVM_DIR=/root/.nvm
RUN ( . $NVM_DIR/nvm.sh && npm install -g yarn ) && \
    ( . $NVM_DIR/nvm.sh && nvm use 18 && npm install -g pnpm ) && \
    echo done
