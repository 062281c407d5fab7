FROM debian:12
COPY . /src
RUN ( cd /src/lib && make ) && \
    ( cd /src/app && make || echo "no app" ) && \
    ( cd /src/tools; make ) && \
    ( cd /src/docs && make && cd - && make check ) && \
    make -C /src/extra
