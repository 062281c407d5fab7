FROM eclipse-temurin:17-jre
COPY app.jar /opt/app.jar
COPY setup.sh /opt/setup.sh
COPY start.sh /start.sh
CMD ["/start.sh"]
