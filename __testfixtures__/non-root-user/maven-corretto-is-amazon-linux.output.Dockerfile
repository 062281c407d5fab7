FROM maven:3.9-amazoncorretto-17
WORKDIR /app
COPY pom.xml .
COPY src ./src
RUN mvn -B package -DskipTests
RUN yum install -y shadow-utils && \
    yum clean all && \
    groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
EXPOSE 8080
CMD ["java", "-jar", "target/app.jar"]
