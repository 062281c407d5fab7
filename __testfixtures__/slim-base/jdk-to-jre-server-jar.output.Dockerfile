FROM eclipse-temurin:21-jre
WORKDIR /server
RUN curl -fsSLo paper.jar https://api.papermc.io/v2/projects/paper/versions/1.21.1/builds/100/downloads/paper-1.21.1-100.jar
EXPOSE 25565
CMD ["java", "-Xmx2G", "-jar", "paper.jar", "--nogui"]
