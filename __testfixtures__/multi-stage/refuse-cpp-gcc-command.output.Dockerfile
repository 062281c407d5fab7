FROM gcc:13
WORKDIR /src
COPY . .
RUN g++ -O2 -o /usr/local/bin/tool main.cc
CMD ["/usr/local/bin/tool"]
