FROM centos:7
RUN yum -y install epel-release && yum clean all && rm -rf /var/cache/yum
RUN yum -y install nginx && yum clean all && rm -rf /var/cache/yum
RUN pip3 install --no-cache-dir flask && rm -rf /root/.cache/pip
RUN pip3 install --no-cache-dir gunicorn
CMD ["nginx"]
