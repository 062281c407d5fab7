FROM eclipse-temurin:21-jre
ADD https://example.com/app.jar /opt/app/app.jar
COPY build/libs/app.jar /opt/app/app.jar
RUN java -Djarmode=tools -jar /opt/app/app.jar extract --destination /opt/app/extracted
