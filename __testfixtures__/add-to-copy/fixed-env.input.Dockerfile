FROM tomcat:9-jdk17
ENV CATALINA_CONF=conf
ARG WAR=app.war
ADD ${CATALINA_CONF}/server.xml /usr/local/tomcat/conf/
ADD $CATALINA_CONF/context.xml /usr/local/tomcat/conf/
