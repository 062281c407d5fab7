FROM centos:7
RUN yum -y install epel-release && \
    yum -y install nginx supervisor && \
    yum clean all && \
    rm -rf /var/cache/yum
EXPOSE 80
