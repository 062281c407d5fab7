FROM centos:7
RUN yum install -y java-1.8.0-openjdk-headless && yum clean all
COPY target/app.jar /opt/app/app.jar
CMD ["java", "-jar", "/opt/app/app.jar"]
