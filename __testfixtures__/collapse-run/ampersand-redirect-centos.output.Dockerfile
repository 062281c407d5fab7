FROM centos:7
RUN yum -y install ant &> /dev/null && \
    yum -y install cmake &> /dev/null
