FROM amazonlinux:2
RUN yum -y install shadow-utils tar gzip && yum clean all && rm -rf /var/cache/yum
