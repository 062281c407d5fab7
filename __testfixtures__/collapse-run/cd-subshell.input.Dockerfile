FROM golang:1.22
RUN git clone --depth 1 https://github.com/example/tool /src/tool
RUN cd /src/tool && go build -o /usr/local/bin/tool .
RUN tool --version
