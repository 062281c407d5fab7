FROM debian:12
COPY . /src
RUN cd /src/lib && make
RUN cd /src/app && make || echo "no app"
RUN cd /src/tools; make
RUN cd /src/docs && make && cd - && make check
RUN make -C /src/extra
