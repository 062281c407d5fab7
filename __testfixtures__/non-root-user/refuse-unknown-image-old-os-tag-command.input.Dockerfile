FROM centos:6
RUN yum install -y httpd-tools
COPY check.sh /usr/local/bin/check.sh
CMD ["/usr/local/bin/check.sh"]
