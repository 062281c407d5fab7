FROM eclipse-temurin:21-jre-jammy

ENV CATALINA_HOME=/opt/tomcat
ENV PATH=$CATALINA_HOME/bin:$PATH
WORKDIR $CATALINA_HOME

ARG TOMCAT_VERSION=10.1.34
RUN curl -fsSL "https://archive.apache.org/dist/tomcat/tomcat-10/v${TOMCAT_VERSION}/bin/apache-tomcat-${TOMCAT_VERSION}.tar.gz" \
    | tar -xz --strip-components=1 \
 && rm -rf webapps/*

COPY target/shop.war webapps/ROOT.war

EXPOSE 8080
CMD ["catalina.sh", "run"]
