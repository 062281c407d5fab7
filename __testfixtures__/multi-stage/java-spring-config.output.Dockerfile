FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /usr/src/app
COPY pom.xml .
RUN mvn -B dependency:go-offline
COPY src ./src
COPY config ./config
COPY conf ./conf
RUN mvn -B package -DskipTests

FROM eclipse-temurin:17-jre-noble
WORKDIR /usr/src/app
COPY --from=build /usr/src/app/target/orders-1.4.2.jar /usr/src/app/target/orders-1.4.2.jar
COPY --from=build /usr/src/app/conf/logback.xml /usr/src/app/conf/logback.xml
COPY --from=build /usr/src/app/config /usr/src/app/config
ENV SPRING_PROFILES_ACTIVE=prod
EXPOSE 8080
ENTRYPOINT ["java", "-Dlogback.configurationFile=conf/logback.xml", "-jar", "target/orders-1.4.2.jar", "--spring.config.additional-location=optional:file:./config/,classpath:/extra/"]
