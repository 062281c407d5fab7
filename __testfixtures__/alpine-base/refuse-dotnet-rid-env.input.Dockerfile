FROM mcr.microsoft.com/dotnet/sdk:8.0
ENV RID=linux-arm64
WORKDIR /source
COPY . .
RUN dotnet publish -c Release "--runtime=$RID" -o /app
WORKDIR /app
ENTRYPOINT ["dotnet", "Worker.dll"]
