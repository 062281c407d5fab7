FROM mcr.microsoft.com/dotnet/sdk:8.0-alpine
WORKDIR /src
COPY Shop.csproj .
RUN dotnet restore
COPY . .
RUN dotnet publish -c Release -o /app/publish
WORKDIR /app/publish
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Shop.dll"]
