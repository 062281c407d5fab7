FROM centos:7
RUN yum -y install ant &> /dev/null
RUN yum -y install cmake &> /dev/null
