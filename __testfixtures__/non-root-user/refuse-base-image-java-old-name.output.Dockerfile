FROM java:8
RUN mkdir -p /opt/tools
ADD tools.tar.gz /opt/tools/
ENV PATH=/opt/tools/bin:$PATH
