FROM alpine:3.20
RUN test -d d1
RUN mkdir -p d1 || mkdir -p d2
RUN touch f1
