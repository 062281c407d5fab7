FROM swift:6.2
WORKDIR /app
COPY . .
RUN swift build -c release
EXPOSE 8080
CMD [".build/release/Run", "serve", "--hostname", "0.0.0.0"]
