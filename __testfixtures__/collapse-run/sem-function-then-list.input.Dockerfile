FROM alpine:3.20
RUN false && mkdir -p d1
RUN f() { echo f >> out; } && mkdir -p d1 || mkdir -p d2
