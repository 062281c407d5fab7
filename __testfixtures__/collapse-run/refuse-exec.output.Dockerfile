FROM alpine:3.19
RUN exec >/var/log/build.log; echo building
RUN echo done
