FROM centos:7
RUN yum install -y java-1.8.0-openjdk-headless && yum clean all
COPY target/app.jar /opt/app/app.jar
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["java", "-jar", "/opt/app/app.jar"]
