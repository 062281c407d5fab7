FROM amazonlinux:2
RUN yum -y install shadow-utils tar gzip
