# Build the server
FROM swift:6.2-noble AS build
WORKDIR /build
COPY ./Package.* ./
RUN swift package resolve
COPY . .
RUN swift build -c release --static-swift-stdlib

# Run it
FROM swift:6.2-noble
WORKDIR /app
COPY --from=build /build/.build/release/App ./
EXPOSE 8080
ENTRYPOINT ["./App"]
CMD ["serve", "--env", "production", "--hostname", "0.0.0.0", "--port", "8080"]
