FROM eclipse-temurin:21-jre
COPY app.jar /opt/app/app.jar
COPY docker-entrypoint.sh /usr/local/bin/
ENTRYPOINT ["docker-entrypoint.sh"]
CMD ["java", "-jar", "/opt/app/app.jar"]
