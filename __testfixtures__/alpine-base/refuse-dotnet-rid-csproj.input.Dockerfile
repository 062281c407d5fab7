FROM mcr.microsoft.com/dotnet/sdk:8.0
WORKDIR /source
COPY *.csproj .
RUN dotnet restore
COPY . .
RUN dotnet publish -c Release -o /app --no-restore
WORKDIR /app
ENTRYPOINT ["dotnet", "Worker.dll"]
