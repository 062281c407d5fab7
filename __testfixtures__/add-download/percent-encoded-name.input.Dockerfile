FROM golang:1.22
ADD https://e.com/dl/tool%2Dx.tar.gz?raw=true /tmp/
RUN tar xzf /tmp/tool-x.tar.gz -C /opt && rm /tmp/tool-x.tar.gz
