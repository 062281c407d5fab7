FROM golang:1.22
RUN git clone --depth 1 https://github.com/example/tool /src/tool && \
    ( cd /src/tool && go build -o /usr/local/bin/tool . ) && \
    tool --version
