FROM registry.access.redhat.com/ubi9/openjdk-17-runtime:1.20
USER root
RUN microdnf install -y fontconfig dejavu-sans-fonts && microdnf clean all
COPY --chown=185 target/quarkus-app/lib/ /deployments/lib/
COPY --chown=185 target/quarkus-app/*.jar /deployments/
USER 185
EXPOSE 8080
ENV JAVA_APP_JAR="/deployments/quarkus-run.jar"
ENTRYPOINT ["/opt/jboss/container/java/run/run-java.sh"]
