FROM mcr.microsoft.com/dotnet/sdk:8.0
COPY . /src
WORKDIR /src
RUN dotnet publish "aspnetapp.csproj" -c Release -o /app/publish

WORKDIR /app/publish
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "aspnetapp.dll"]
