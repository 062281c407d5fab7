FROM gcc:13
RUN apt-get update && apt-get install -y cmake
WORKDIR /src
COPY . .
RUN cmake -S . -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build && cmake --install build --prefix /usr/local
CMD ["/usr/local/bin/calc"]
