FROM ubuntu:22.04
ENV NVM_DIR=/root/.nvm
RUN ( . $NVM_DIR/nvm.sh && npm install -g yarn && npm cache clean --force ) && \
    echo done
