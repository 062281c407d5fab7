FROM centos:7
RUN yum -y install gcc make && yum clean all && rm -rf /var/cache/yum
COPY src /tmp/src
RUN make -C /tmp/src install
RUN yum clean all && rm -rf /tmp/*
