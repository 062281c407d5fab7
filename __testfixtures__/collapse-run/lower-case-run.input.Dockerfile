from centos:7
run yum -y update
run yum -y install httpd
run yum clean all
