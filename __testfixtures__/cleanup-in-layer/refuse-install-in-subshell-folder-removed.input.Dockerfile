FROM ubuntu:22.04
ENV NVM_DIR=/root/.nvm
COPY cli /tmp/cli
RUN ( . $NVM_DIR/nvm.sh && cd /tmp/cli && npm install -g . && rm -rf /tmp/cli ) && \
    echo done
