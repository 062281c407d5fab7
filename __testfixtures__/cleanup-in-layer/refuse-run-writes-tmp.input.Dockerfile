FROM centos:7
RUN yum -y install gcc make
RUN curl -fsSL -o /tmp/app.tgz https://example.com/app.tgz
RUN yum clean all && rm -rf /tmp/*
