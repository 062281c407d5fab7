FROM rockylinux:9
RUN yum -y install epel-release && \
    yum -y install nginx supervisor && \
    yum clean all
EXPOSE 80
