FROM alpine:3.19
RUN mkdir -p /etc/app && \
    { test -f /etc/app/config || exit 0; }
RUN echo configured
