FROM eclipse-temurin:21-jdk
COPY native /build/native
RUN cd /build/native && gcc -shared -fPIC -I"$JAVA_HOME/include" -I"$JAVA_HOME/include/linux" -o /usr/lib/libagent.so agent.c
COPY app.jar /app/app.jar
ENTRYPOINT ["java", "-agentpath:/usr/lib/libagent.so", "-jar", "/app/app.jar"]
