FROM scratch
COPY server /sbin/server
WORKDIR /data
EXPOSE 8443
CMD ["/sbin/server"]
