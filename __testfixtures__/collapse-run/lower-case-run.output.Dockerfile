from centos:7
run yum -y update && \
    yum -y install httpd && \
    yum clean all
