FROM dart:3.5
WORKDIR /app
COPY pubspec.* ./
RUN dart pub get
COPY . .
RUN dart pub get --offline && dart compile exe bin/server.dart -o bin/server
EXPOSE 8080
CMD ["/app/bin/server"]
