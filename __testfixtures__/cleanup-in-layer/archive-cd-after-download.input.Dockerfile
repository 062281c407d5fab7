FROM eclipse-temurin:17-jdk
# download and unpack tomcat
RUN cd /opt && wget -q "https://archive.apache.org/dist/tomcat/tomcat-9/v9.0.85/bin/apache-tomcat-9.0.85.tar.gz" && \
    cd /opt && tar -zxf apache-tomcat-9.0.85.tar.gz && \
    cd /opt && ln -sf apache-tomcat-9.0.85 tomcat
CMD ["/opt/tomcat/bin/catalina.sh", "run"]
