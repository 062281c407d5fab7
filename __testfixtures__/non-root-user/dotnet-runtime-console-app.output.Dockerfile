FROM mcr.microsoft.com/dotnet/runtime:5.0
COPY publish/ /app/
RUN groupadd --system --gid 10001 app && \
    useradd --system --uid 10001 --gid 10001 --no-log-init --create-home app
USER 10001:10001
CMD ["/app/Worker"]
