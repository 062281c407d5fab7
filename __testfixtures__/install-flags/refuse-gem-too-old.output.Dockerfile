FROM centos:6
RUN yum install -y ruby ruby-devel rubygems gcc make rpm-build && yum clean all
RUN gem install fpm -v 1.4.0
