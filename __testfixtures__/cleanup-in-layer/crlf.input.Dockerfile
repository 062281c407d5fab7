FROM centos:7
RUN yum install -y \
      java-11-openjdk-headless \
      which
CMD ["java", "-version"]
