FROM dart:3.5
WORKDIR /app
COPY pubspec.* ./
RUN dart pub get
COPY . .
CMD ["dart", "run", "bin/server.dart"]
