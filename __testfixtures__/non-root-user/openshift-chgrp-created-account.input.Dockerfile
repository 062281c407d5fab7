FROM debian:12-slim
WORKDIR /opt/app
COPY build/ .
RUN chgrp -R 0 /opt/app && chmod -R g=u /opt/app
VOLUME /data
CMD ["./server"]
