FROM registry.access.redhat.com/ubi8/openjdk-17:1.20 AS build
COPY --chown=185 pom.xml /home/jboss/
COPY --chown=185 src /home/jboss/src
RUN mvn -B -q package -DskipTests

FROM registry.access.redhat.com/ubi8/openjdk-17-runtime:1.20
COPY --from=build /home/jboss/target/app.jar /deployments/app.jar
EXPOSE 8080
CMD ["java", "-jar", "/deployments/app.jar"]
