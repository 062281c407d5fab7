FROM ubuntu:22.04
RUN useradd -m -u 1001 app && useradd -m -u 1002 backup
COPY app /opt/app
CMD ["/opt/app/run"]
