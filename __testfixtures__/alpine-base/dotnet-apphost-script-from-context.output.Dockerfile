FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /source
COPY Api/*.csproj .
RUN dotnet restore
COPY Api/. .
RUN dotnet publish -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:8.0-alpine
WORKDIR /app
COPY --from=build /app .
COPY docker-entrypoint /app/docker-entrypoint
ENTRYPOINT ["/app/docker-entrypoint"]
