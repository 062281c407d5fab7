FROM ubuntu:22.04

ADD https://ftp.gnu.org/gnu/gdb/gdb-12.1.tar.gz /opt/
RUN tar -C /opt -xf /opt/gdb-12.1.tar.gz && \
    mkdir /opt/gdb-12.1/build && cd /opt/gdb-12.1/build && ../configure --prefix=/usr/local && \
    cd /opt/gdb-12.1/build && make -j8 && \
    ( cd /opt/gdb-12.1/build && make install ) && \
    ( export GDB_HOME=/usr/local && "$GDB_HOME/bin/gdb" --version ) && \
    rm -rf /opt/gdb-12.1 /opt/gdb-12.1.tar.gz

CMD ["gdb"]
