FROM tomcat:10.1-jdk17
# The image's WORKDIR is /usr/local/tomcat: the WAR lands in its webapps/.
COPY target/shop.war webapps/ROOT.war
EXPOSE 8080
CMD ["catalina.sh", "run"]
