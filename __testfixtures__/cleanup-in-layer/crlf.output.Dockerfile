FROM centos:7
RUN yum install -y \
      java-11-openjdk-headless \
      which && \
    yum clean all && \
    rm -rf /var/cache/yum
CMD ["java", "-version"]
