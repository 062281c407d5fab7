FROM eclipse-temurin:21-jre
ADD https://example.com/agent.jar /opt/app/agent.jar
COPY build/libs/*.jar config.yml /opt/app/
RUN java -jar /opt/app/agent.jar --check
