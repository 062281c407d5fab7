FROM maven:3.9-eclipse-temurin-17
WORKDIR /usr/src/app
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
COPY config ./config
COPY conf ./conf
RUN mvn -B package -DskipTests
ENV SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
ENTRYPOINT ["java", "-Dlogback.configurationFile=conf/logback.xml", "-jar", "target/orders-1.4.2.jar", "--spring.config.additional-location=optional:file:./config/,classpath:/extra/"]
