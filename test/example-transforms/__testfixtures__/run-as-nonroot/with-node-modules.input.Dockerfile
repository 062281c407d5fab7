FROM gcr.io/distroless/static-debian12
COPY app /app
# run the app
CMD ["/app"]
