FROM rockylinux:9
RUN yum install -y git-core && yum clean all
