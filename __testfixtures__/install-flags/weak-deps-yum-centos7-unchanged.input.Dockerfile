# yum 3 knows no weak dependencies: nothing to turn off.
FROM centos:7
RUN yum install -y git && yum clean all && rm -rf /var/cache/yum
