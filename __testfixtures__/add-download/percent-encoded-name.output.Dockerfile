FROM golang:1.22
RUN curl -fsSL -o /tmp/tool-x.tar.gz 'https://e.com/dl/tool%2Dx.tar.gz?raw=true' && tar xzf /tmp/tool-x.tar.gz -C /opt && rm /tmp/tool-x.tar.gz
