FROM gcr.io/distroless/static-debian12
COPY app /app
USER 65532:65532
CMD ["/app"]
