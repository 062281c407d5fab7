FROM mcr.microsoft.com/dotnet/sdk:8.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish App -c Release -o /out

FROM mcr.microsoft.com/dotnet/aspnet:8.0
COPY --from=build /out /app
RUN ln -s /app/App.sh /usr/bin/App
WORKDIR /app
ENTRYPOINT ["App"]
