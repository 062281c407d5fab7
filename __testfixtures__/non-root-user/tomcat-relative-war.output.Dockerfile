FROM tomcat:10.1-jdk17
# The image's WORKDIR is /usr/local/tomcat: the WAR lands in its webapps/.
COPY --chown=10001:10001 target/shop.war webapps/ROOT.war
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app && \
    chown 10001:10001 /usr/local/tomcat/webapps
USER 10001:10001
EXPOSE 8080
CMD ["catalina.sh", "run"]
