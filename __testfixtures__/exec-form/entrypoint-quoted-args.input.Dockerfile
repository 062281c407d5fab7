FROM eclipse-temurin:17-jre-focal
WORKDIR /opt/app
COPY build/libs/app.jar /opt/app/
EXPOSE 8080
ENTRYPOINT java -Dfile.encoding="UTF-8" -Dapp.motd="say \"hi\", it costs \$5" -Dapp.pattern="v\d+" -jar '/opt/app/my app.jar' --owner=O\'Brien ""
